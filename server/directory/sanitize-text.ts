import type { DirectoryResult, DirectorySource } from './types';

export const MAX_DESCRIPTION = 600;
const MAX_FIELD = 300;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Directory text is someone else's HTML-ish input: reduce it to plain, bounded text. */
export function plainText(value: unknown, max = MAX_FIELD): string {
  if (typeof value !== 'string') return '';
  const text = value
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function count(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

export interface RawShow {
  title: unknown;
  author: unknown;
  feedUrl: unknown;
  image: unknown;
  description: unknown;
  episodeCount: unknown;
}

/** A result the app can rely on, or null when it lacks a title or a usable feed URL. */
export function toResult(raw: RawShow, source: DirectorySource): DirectoryResult | null {
  const title = plainText(raw.title);
  const feedUrl = httpUrl(raw.feedUrl);
  if (!title || !feedUrl) return null;
  return {
    title,
    author: plainText(raw.author),
    feedUrl,
    image: httpUrl(raw.image),
    description: plainText(raw.description, MAX_DESCRIPTION),
    episodeCount: count(raw.episodeCount),
    source,
  };
}

/** Two directories list the same show under trivially different URLs (scheme, case, trailing slash). */
export function feedKey(feedUrl: string): string {
  const url = new URL(feedUrl);
  return `${url.host.toLowerCase()}${url.pathname.replace(/\/+$/, '')}${url.search}`;
}

/** Podcast Index first (richer records), then what only Apple knows; gaps filled from the twin. */
export function mergeResults(lists: DirectoryResult[][]): DirectoryResult[] {
  const byKey = new Map<string, DirectoryResult>();
  for (const list of lists) {
    for (const result of list) {
      const key = feedKey(result.feedUrl);
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, { ...result });
        continue;
      }
      seen.author ||= result.author;
      seen.image ??= result.image;
      seen.description ||= result.description;
      seen.episodeCount ??= result.episodeCount;
    }
  }
  return [...byKey.values()];
}
