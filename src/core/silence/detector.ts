/**
 * Finds stretches of silence in decoded PCM, fed block by block so an hour of audio never has to
 * sit in memory (an hour of Float32 is over 1 GB). Loudness is the RMS of 10 ms windows in dBFS
 * (a full-scale square wave is 0 dBFS); a run of quiet windows at least `minSilence` long is a gap.
 */

export interface Gap {
  /** Seconds from the start of the audio. */
  start: number;
  end: number;
}

export interface DetectorOptions {
  sampleRate: number;
  /** Windows whose RMS is below this (dBFS, negative) count as silent. */
  thresholdDb: number;
  /** Seconds: shorter quiet runs (pauses inside and between words) are not gaps. */
  minSilence: number;
}

/** 10 ms: short enough to place a gap's edges precisely, long enough to average over a 100 Hz cycle. */
export const WINDOW_SECONDS = 0.01;

export class SilenceDetector {
  private readonly window: number;
  /** Seconds per window (the window is whole samples, so not exactly 10 ms at every rate). */
  private readonly windowSeconds: number;
  private readonly thresholdMs: number;
  private readonly minWindows: number;
  /** Sum of squares and count of the window being filled. */
  private sum = 0;
  private filled = 0;
  /** Index of the next window to complete. */
  private windowIndex = 0;
  /** Window index where the current quiet run began, or -1 while loud. */
  private runStart = -1;
  private readonly found: Gap[] = [];

  constructor(options: DetectorOptions) {
    if (!(options.sampleRate > 0) || !(options.minSilence > 0) || !(options.thresholdDb < 0)) throw new RangeError('Invalid silence detector options');
    this.window = Math.max(1, Math.round(options.sampleRate * WINDOW_SECONDS));
    this.windowSeconds = this.window / options.sampleRate;
    // Compare mean squares, not dB, so the hot loop has no log10.
    this.thresholdMs = 10 ** (options.thresholdDb / 10);
    this.minWindows = Math.ceil(options.minSilence / this.windowSeconds - 1e-9);
  }

  /** Feeds the next mono samples (continuing where the last block ended). */
  push(samples: Float32Array): void {
    const window = this.window;
    let sum = this.sum;
    let filled = this.filled;
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i];
      sum += s * s;
      if (++filled === window) {
        this.closeWindow(sum / window);
        sum = 0;
        filled = 0;
      }
    }
    this.sum = sum;
    this.filled = filled;
  }

  private closeWindow(meanSquare: number): void {
    const quiet = meanSquare < this.thresholdMs;
    if (quiet && this.runStart < 0) this.runStart = this.windowIndex;
    else if (!quiet && this.runStart >= 0) this.endRun(this.windowIndex);
    this.windowIndex++;
  }

  private endRun(endWindow: number): void {
    if (endWindow - this.runStart >= this.minWindows) {
      this.found.push({ start: this.runStart * this.windowSeconds, end: endWindow * this.windowSeconds });
    }
    this.runStart = -1;
  }

  /** Gaps completed so far, removed from the detector (a run still going is kept until it ends). */
  take(): Gap[] {
    return this.found.splice(0);
  }

  /** End of input: a trailing quiet run counts too. Returns the gaps not yet taken. */
  finish(): Gap[] {
    if (this.filled > 0) {
      this.closeWindow(this.sum / this.filled);
      this.sum = 0;
      this.filled = 0;
    }
    if (this.runStart >= 0) this.endRun(this.windowIndex);
    return this.take();
  }

  /** Seconds of audio seen. */
  get seconds(): number {
    return this.windowIndex * this.windowSeconds;
  }
}

/** Averages channels into one (a gap is silent on every channel, so the mean is enough). */
export function downmix(channels: readonly Float32Array[]): Float32Array {
  const first = channels[0];
  if (!first) return new Float32Array(0);
  if (channels.length === 1) return first;
  const out = new Float32Array(first.length);
  for (const ch of channels) for (let i = 0; i < out.length; i++) out[i] += ch[i] ?? 0;
  const scale = 1 / channels.length;
  for (let i = 0; i < out.length; i++) out[i] *= scale;
  return out;
}
