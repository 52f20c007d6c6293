/**
 * Checks for everything that becomes a playlist or bookmark: names and notes typed in the UI, and
 * whole records read from a backup file (hostile: any shape, any size). Each check either returns
 * a clean value or throws a PlaylistInputError whose message can be shown as it is.
 */
import type { Bookmark, Playlist, PlayedFilter, SmartFilter, SmartSort } from './types';

export class PlaylistInputError extends Error {
  override name = 'PlaylistInputError';
}

export const NAME_MAX = 80;
export const NOTE_MAX = 2000;
/** Far above any real playlist; keeps a crafted backup from growing one record without bound. */
export const EPISODES_MAX = 5000;
const ID_MAX = 4096;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Something a reader can see: not whitespace, a format character (zero-width space, BOM, soft hyphen), or a lone mark. */
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Z}\p{M}]/u;

/**
 * Trims and collapses whitespace and drops control characters; refuses names with nothing visible
 * (a zero-width name makes an empty link nobody can read or name) and over-long ones.
 */
export function cleanName(raw: unknown): string {
  const name =
    typeof raw === 'string'
      ? raw
          .replace(/\s+/g, ' ')
          .replace(/\p{Cc}/gu, '')
          .replace(/ {2,}/g, ' ')
          .trim()
      : '';
  if (!VISIBLE.test(name)) throw new PlaylistInputError('Give the playlist a name.');
  if (name.length > NAME_MAX) throw new PlaylistInputError(`A playlist name can be at most ${NAME_MAX} characters.`);
  return name;
}

/** Trims; an empty note is allowed (a bookmark needs no note). */
export function cleanNote(raw: unknown): string {
  const note = typeof raw === 'string' ? raw.trim() : '';
  if (note.length > NOTE_MAX) throw new PlaylistInputError(`A note can be at most ${NOTE_MAX} characters.`);
  return note;
}

function cleanId(raw: unknown, what: string): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > ID_MAX) throw new PlaylistInputError(`${what} is missing or not valid.`);
  return raw;
}

function cleanTime(raw: unknown, what: string): number {
  return typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? raw : fail(`${what} is not a valid time.`);
}

function fail(message: string): never {
  throw new PlaylistInputError(message);
}

/** A whole number in [min, max], or null for "no bound" (null, undefined, ''). */
export function cleanBound(raw: unknown, what: string, min: number, max: number): number | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const n = typeof raw === 'string' ? Number(raw.trim()) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw new PlaylistInputError(`${what} must be a whole number from ${min} to ${max}.`);
  return n;
}

const PLAYED: readonly PlayedFilter[] = ['unplayed', 'played', 'any'];
const SORTS: readonly SmartSort[] = ['newest', 'oldest', 'shortest', 'longest'];

export function cleanFilter(raw: unknown): SmartFilter {
  if (!isRec(raw)) throw new PlaylistInputError('The smart playlist has no filter.');
  const ids = raw['podcastIds'];
  if (!Array.isArray(ids) || ids.length > 1000) throw new PlaylistInputError('The smart playlist’s list of shows is not valid.');
  const played = PLAYED.find((p) => p === raw['played']) ?? fail('The smart playlist’s played setting is not valid.');
  const sort = SORTS.find((s) => s === raw['sort']) ?? fail('The smart playlist’s order is not valid.');
  // "At least 0 min" bounds nothing, but any bound leaves out episodes of unknown length: so no bound.
  const minMinutes = cleanBound(raw['minMinutes'], 'The shortest length', 0, 1440) || null;
  const maxMinutes = cleanBound(raw['maxMinutes'], 'The longest length', 1, 1440);
  if (minMinutes !== null && maxMinutes !== null && minMinutes >= maxMinutes) throw new PlaylistInputError('The shortest length must be less than the longest.');
  return {
    podcastIds: [...new Set(ids.map((id) => cleanId(id, 'A show')))],
    played,
    minMinutes,
    maxMinutes,
    withinDays: cleanBound(raw['withinDays'], 'The number of days', 1, 3650),
    downloadedOnly: raw['downloadedOnly'] === true,
    sort,
    limit: cleanBound(raw['limit'], 'The most episodes', 1, EPISODES_MAX),
  };
}

function stamp(raw: unknown, fallback: number): number {
  return typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? raw : fallback;
}

/** One playlist from a backup; throws with a reason when it cannot be used. */
export function parsePlaylist(raw: unknown, now: number): Playlist {
  if (!isRec(raw)) throw new PlaylistInputError('A playlist entry is not an object.');
  const base = {
    id: cleanId(raw['id'], 'A playlist id'),
    name: cleanName(raw['name']),
    order: typeof raw['order'] === 'number' && Number.isFinite(raw['order']) ? raw['order'] : 0,
    createdAt: stamp(raw['createdAt'], now),
    updatedAt: stamp(raw['updatedAt'], now),
  };
  if (raw['kind'] === 'smart') return { ...base, kind: 'smart', filter: cleanFilter(raw['filter']) };
  if (raw['kind'] !== 'manual') throw new PlaylistInputError(`Playlist “${base.name}” is of an unknown kind.`);
  const ids = raw['episodeIds'];
  if (!Array.isArray(ids) || ids.length > EPISODES_MAX) throw new PlaylistInputError(`Playlist “${base.name}” has no valid episode list.`);
  return { ...base, kind: 'manual', episodeIds: [...new Set(ids.map((id) => cleanId(id, 'An episode id')))] };
}

/** One bookmark from a backup. */
export function parseBookmark(raw: unknown, now: number): Bookmark {
  if (!isRec(raw)) throw new PlaylistInputError('A bookmark entry is not an object.');
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 500) : '');
  return {
    id: cleanId(raw['id'], 'A bookmark id'),
    episodeId: cleanId(raw['episodeId'], 'A bookmark’s episode'),
    podcastId: typeof raw['podcastId'] === 'string' ? raw['podcastId'].slice(0, ID_MAX) : '',
    time: cleanTime(raw['time'], 'A bookmark’s time'),
    note: cleanNote(raw['note']),
    episodeTitle: text(raw['episodeTitle']),
    podcastTitle: text(raw['podcastTitle']),
    createdAt: stamp(raw['createdAt'], now),
    updatedAt: stamp(raw['updatedAt'], now),
  };
}

export interface ParseReport<T> {
  items: T[];
  /** One sentence per entry that was left out. */
  skipped: string[];
}

/** Parses a list of entries, keeping the good ones and saying why each bad one was left out. */
export function parseAll<T>(raw: unknown, parse: (item: unknown, now: number) => T, now: number, what: string): ParseReport<T> {
  if (!Array.isArray(raw)) throw new PlaylistInputError(`The ${what} in this file are not a list.`);
  const items: T[] = [];
  const skipped: string[] = [];
  raw.forEach((item, i) => {
    try {
      items.push(parse(item, now));
    } catch (err) {
      skipped.push(`Entry ${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return { items, skipped };
}
