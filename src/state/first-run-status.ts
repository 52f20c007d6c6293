/**
 * What the Library shows of the first run: a placeholder per default show still being looked for, a
 * card per show that could not be found. Kept apart from first-run.ts so the first screen can read it
 * without loading the feed fetching and parsing behind it.
 */
import { signal } from '@preact/signals';
import type { Attempt } from './show-resolver';

export interface DefaultShowIssue {
  key: string;
  title: string;
  /** The show's place among the defaults: its placeholder, then its card, sit in this grid slot. */
  slot?: number;
  status: 'working' | 'failed';
  message: string;
  /** What was tried before giving up (failed only). */
  attempts?: Attempt[];
}

export const defaultShowIssues = signal<DefaultShowIssue[]>([]);

/**
 * Whether `defaultShowIssues` says what this start will show (placeholders set, or last time's cards
 * read back). The Library waits for it with its grid, so the cards do not arrive a moment after the
 * shows and push them about.
 */
export const defaultShowsKnown = signal(false);
