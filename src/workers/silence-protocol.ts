/** Messages between the page and the silence worker. */
import type { Gap } from '../core/silence/detector';

export interface SilenceRequest {
  /** A same-origin URL (an offline copy or the audio proxy): cross-origin bytes are unreadable. */
  url: string;
  thresholdDb: number;
  minSilence: number;
}

export type SilenceMessage =
  /** New gaps (in order, after those sent before) and how far the analysis has got, in seconds. */
  { type: 'gaps'; gaps: Gap[]; analyzed: number } | { type: 'done'; analyzed: number; seconds: number } | { type: 'error'; reason: 'unsupported' | 'failed'; message: string };
