/**
 * `podcast:chapters` JSON (https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/chapters/jsonChapters.md):
 * parse and validate a hostile document into a sorted, bounded list, and find the chapter at a time.
 */

export interface Chapter {
  /** Seconds from the start. */
  startTime: number;
  /** Seconds; the next chapter's start (or null for the last one) when the document gives none. */
  endTime: number | null;
  title: string;
  img: string | null;
  url: string | null;
  /** `toc: false`: still the current chapter for its span, but not listed nor a jump target. */
  hidden: boolean;
}

export class ChaptersError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChaptersError';
  }
}

/** More than this is not a table of contents any more; the rest is dropped. */
export const MAX_CHAPTERS = 1000;
const MAX_TITLE = 300;

/** `URL` exists in every runtime core runs in, but core's tsconfig has only the ES library. */
const { URL: Url } = globalThis as unknown as { URL: new (url: string, base?: string) => { href: string; protocol: string } };

function httpUrl(value: unknown, base: string | undefined): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return null;
  try {
    const url = new Url(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function seconds(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * Parses chapters from JSON text or an already-parsed value. Entries without a valid `startTime`
 * are skipped; a document with no usable chapter at all is an error. `baseUrl` resolves relative
 * image and link URLs.
 */
export function parseChapters(input: unknown, baseUrl?: string): Chapter[] {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch {
      throw new ChaptersError('The chapters file is not valid JSON.');
    }
  }
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { chapters?: unknown }).chapters)) {
    throw new ChaptersError('The chapters file has no "chapters" list.');
  }
  const raw = (doc as { chapters: unknown[] }).chapters;
  const chapters: Chapter[] = [];
  for (const item of raw) {
    if (chapters.length >= MAX_CHAPTERS) break;
    if (typeof item !== 'object' || item === null) continue;
    const c = item as Record<string, unknown>;
    const startTime = seconds(c.startTime);
    if (startTime === null) continue;
    const endTime = seconds(c.endTime);
    const title = typeof c.title === 'string' ? c.title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE) : '';
    chapters.push({
      startTime,
      endTime: endTime !== null && endTime > startTime ? endTime : null,
      title,
      img: httpUrl(c.img, baseUrl),
      url: httpUrl(c.url, baseUrl),
      hidden: c.toc === false,
    });
  }
  if (chapters.length === 0) throw new ChaptersError('The chapters file lists no chapter with a start time.');
  // Stable sort keeps document order for equal start times.
  chapters.sort((a, b) => a.startTime - b.startTime);
  return chapters.map((c, i) => ({ ...c, title: c.title || `Chapter ${i + 1}` }));
}

/** Index of the chapter playing at `time` (last one starting at or before it, within its end), or -1. */
export function chapterIndexAt(chapters: readonly Chapter[], time: number): number {
  let lo = 0;
  let hi = chapters.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (chapters[mid].startTime <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found >= 0) {
    const end = chapters[found].endTime;
    if (end !== null && time >= end) return -1;
  }
  return found;
}

/** Visible chapters only (the list and prev/next skip `toc: false`). */
export function visibleChapters(chapters: readonly Chapter[]): Chapter[] {
  return chapters.filter((c) => !c.hidden);
}

/** Start of the next visible chapter after `time`, or null at the last one. */
export function nextChapterStart(chapters: readonly Chapter[], time: number): number | null {
  // A small epsilon so a seek that lands a hair before a boundary still moves forward.
  return visibleChapters(chapters).find((c) => c.startTime > time + 0.5)?.startTime ?? null;
}

/**
 * Where "previous chapter" goes: the start of the current chapter when more than `grace` seconds
 * in (like a CD player), else the start of the one before it (or 0).
 */
export function previousChapterStart(chapters: readonly Chapter[], time: number, grace = 3): number {
  const starts = visibleChapters(chapters)
    .map((c) => c.startTime)
    .filter((s) => s <= time);
  const current = starts.at(-1);
  if (current === undefined) return 0;
  if (time - current > grace) return current;
  return starts.at(-2) ?? 0;
}
