/**
 * Timestamps in show notes ("Chapters: 12:34 Intro", "[1:02:03]") as places to play from.
 * Times of day ("10:30 am") and anything past the episode's end are left as text.
 */

export interface FoundTimestamp {
  start: number;
  end: number;
  seconds: number;
}

// h:mm:ss, or m:ss / mm:ss / mmm:ss; never a piece of a longer run of digits and colons.
const TIMESTAMP = /(?<![\d:.,])(?:(\d{1,2}):([0-5]\d):([0-5]\d)|(\d{1,3}):([0-5]\d))(?![\d:]|[.,]\d|\s?[ap]\.?m\b)/gi;

/** At most this many buttons per text: a notes page that is all numbers is not a chapter list. */
const MAX_PER_TEXT = 500;

export function findTimestamps(text: string, maxSeconds: number | null = null): FoundTimestamp[] {
  const found: FoundTimestamp[] = [];
  for (const m of text.matchAll(TIMESTAMP)) {
    const seconds = m[1] !== undefined ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : Number(m[4]) * 60 + Number(m[5]);
    if (maxSeconds !== null && maxSeconds > 0 && seconds > maxSeconds) continue;
    found.push({ start: m.index, end: m.index + m[0].length, seconds });
    if (found.length >= MAX_PER_TEXT) break;
  }
  return found;
}
