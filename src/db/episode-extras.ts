/** The shapes of what is stored with an episode besides its audio: transcript and chapters. */
import type { Chapter } from '../core/chapters';
import type { TranscriptDoc, TranscriptFormat } from '../core/transcripts';

export interface StoredTranscript {
  episodeId: string;
  podcastId: string;
  url: string;
  format: TranscriptFormat;
  /** Null when fetching or reading it failed; `error` says why, and the episode stays usable. */
  doc: TranscriptDoc | null;
  error: string | null;
  fetchedAt: number;
}

export interface StoredChapters {
  episodeId: string;
  podcastId: string;
  url: string;
  chapters: Chapter[];
  /** Chapter images by their URL (only those that could be fetched and were images). */
  images: Record<string, Blob>;
  error: string | null;
  fetchedAt: number;
}
