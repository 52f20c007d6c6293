import type { FeedErrorKind } from '../core/feed/errors';
import type { ParsedFeed } from '../core/types';

/** One parse request from the page to the feed worker. */
export interface FeedRequest {
  id: number;
  input: string | Uint8Array;
  feedUrl: string | undefined;
  /** Fingerprints the caller already has (a Set does not survive every structured clone path). */
  known: string[] | undefined;
}

export type FeedResponse = { id: number; ok: true; feed: ParsedFeed } | { id: number; ok: false; kind: FeedErrorKind | 'internal'; message: string };
