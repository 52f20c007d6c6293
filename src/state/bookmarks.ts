/**
 * Bookmarks: a time in an episode with an optional note. The signal holds all of them (they are
 * few and small); the Episode page and the Bookmarks screen both read it. Marking an episode played
 * leaves its bookmarks alone, and a bookmark carries its episode's and show's titles so it still
 * reads well after the show is unsubscribed.
 */
import { signal } from '@preact/signals';
import type { Bookmark } from '../core/playlists/types';
import { sortByTime } from '../core/playlists/bookmarks';
import { cleanNote, parseAll, parseBookmark, PlaylistInputError, type ParseReport } from '../core/playlists/validate';
import { deleteBookmarkRecord, listBookmarks, putBookmarks } from '../db/bookmarks';
import { getEpisode } from '../db/episodes';
import { currentEpisode, currentPodcast, currentTime, playEpisode } from './player';

export const bookmarks = signal<Bookmark[]>([]);
export const bookmarksLoaded = signal(false);
/** The bookmark whose note is being edited (the one dialog shows it); null when none. */
export const editingBookmark = signal<string | null>(null);

export function editBookmark(id: string | null): void {
  editingBookmark.value = id;
}

let loaded: Promise<void> | null = null;
export function loadBookmarks(): Promise<void> {
  loaded ??= listBookmarks().then(
    (list) => {
      bookmarks.value = list;
      bookmarksLoaded.value = true;
    },
    (err: unknown) => {
      loaded = null;
      throw err;
    },
  );
  return loaded;
}

async function commit(changed: Bookmark[], removedId?: string): Promise<void> {
  const before = bookmarks.value;
  const map = new Map(before.map((b) => [b.id, b]));
  if (removedId) map.delete(removedId);
  for (const b of changed) map.set(b.id, b);
  bookmarks.value = [...map.values()];
  try {
    if (removedId) await deleteBookmarkRecord(removedId);
    if (changed.length) await putBookmarks(changed);
  } catch (err) {
    bookmarks.value = before;
    throw err;
  }
}

export function bookmarksFor(episodeId: string): Bookmark[] {
  return sortByTime(bookmarks.value.filter((b) => b.episodeId === episodeId));
}

/**
 * Saves the playing episode's current time at once (so nothing is lost if the note is never
 * written) and opens the note editor on it. Returns the new bookmark.
 */
export async function addBookmarkNow(): Promise<Bookmark> {
  const episode = currentEpisode.value;
  if (!episode) throw new PlaylistInputError('Nothing is playing to bookmark.');
  // Read the time before any await: the audio keeps moving.
  const time = Math.max(0, currentTime());
  await loadBookmarks();
  const now = Date.now();
  const bookmark: Bookmark = {
    id: crypto.randomUUID(),
    episodeId: episode.id,
    podcastId: episode.podcastId,
    time,
    note: '',
    episodeTitle: episode.title || 'Untitled episode',
    podcastTitle: currentPodcast.value?.title ?? '',
    createdAt: now,
    updatedAt: now,
  };
  await commit([bookmark]);
  editingBookmark.value = bookmark.id;
  return bookmark;
}

export async function updateBookmarkNote(id: string, note: string): Promise<void> {
  await loadBookmarks();
  const b = bookmarks.value.find((x) => x.id === id);
  if (!b) throw new PlaylistInputError('That bookmark no longer exists.');
  const clean = cleanNote(note);
  if (clean === b.note) return;
  await commit([{ ...b, note: clean, updatedAt: Date.now() }]);
}

export async function deleteBookmark(id: string): Promise<void> {
  await loadBookmarks();
  await commit([], id);
}

/** Plays the bookmarked episode from the bookmark's time; says so when the episode is gone. */
export async function playBookmark(bookmark: Bookmark): Promise<void> {
  if (!(await getEpisode(bookmark.episodeId))) throw new PlaylistInputError(`“${bookmark.episodeTitle}” is no longer in your library, so it cannot play.`);
  await playEpisode(bookmark.episodeId, bookmark.time);
}

/** Every bookmark as plain records, for the backup (issue 14). */
export async function exportBookmarks(): Promise<Bookmark[]> {
  return listBookmarks();
}

/** Writes bookmarks from a backup (checked entry by entry; a known id is replaced). */
export async function importBookmarks(raw: unknown): Promise<ParseReport<Bookmark>> {
  await loadBookmarks();
  const report = parseAll(raw, parseBookmark, Date.now(), 'bookmarks');
  await commit(report.items);
  return report;
}
