/**
 * The playlists signal and its actions: the only writers of playlists. Each action updates the
 * signal first and rolls back if the write fails, like the queue.
 */
import { signal } from '@preact/signals';
import type { ManualPlaylist, Playlist, SmartFilter, SmartPlaylist } from '../core/playlists/types';
import { addToList, moveInList, removeFromList, reorderKeys, sortPlaylists } from '../core/playlists/order';
import { cleanFilter, cleanName, EPISODES_MAX, parseAll, parsePlaylist, PlaylistInputError, type ParseReport } from '../core/playlists/validate';
import { deletePlaylistRecord, listPlaylists, putPlaylists } from '../db/playlists';

export { PlaylistInputError };

/** Every playlist in display order. */
export const playlists = signal<Playlist[]>([]);
export const playlistsLoaded = signal(false);

let loaded: Promise<void> | null = null;

/** Reads the stored playlists once; every action awaits it so the first write never races the load. */
export function loadPlaylists(): Promise<void> {
  loaded ??= listPlaylists().then(
    (list) => {
      playlists.value = list;
      playlistsLoaded.value = true;
    },
    (err: unknown) => {
      loaded = null;
      throw err;
    },
  );
  return loaded;
}

async function commit(changed: Playlist[], removedId?: string): Promise<void> {
  const before = playlists.value;
  const map = new Map(before.map((p) => [p.id, p]));
  if (removedId) map.delete(removedId);
  for (const p of changed) map.set(p.id, p);
  playlists.value = sortPlaylists([...map.values()]);
  try {
    if (removedId) await deletePlaylistRecord(removedId);
    if (changed.length) await putPlaylists(changed);
  } catch (err) {
    playlists.value = before;
    throw err;
  }
}

function find(id: string): Playlist {
  const p = playlists.value.find((x) => x.id === id);
  if (!p) throw new PlaylistInputError('That playlist no longer exists.');
  return p;
}

function uniqueName(raw: unknown, exceptId?: string): string {
  const name = cleanName(raw);
  const clash = playlists.value.find((p) => p.id !== exceptId && p.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (clash) throw new PlaylistInputError(`A playlist named “${clash.name}” already exists.`);
  return name;
}

/** The backup refuses longer lists (validate.ts), so the app never makes one it could not restore. */
function withinMax(ids: string[]): string[] {
  if (ids.length > EPISODES_MAX) throw new PlaylistInputError(`A playlist can hold at most ${EPISODES_MAX} episodes.`);
  return ids;
}

function nextOrder(): number {
  return (playlists.value.at(-1)?.order ?? 0) + 1024;
}

export async function createPlaylist(name: string, episodeIds: readonly string[] = []): Promise<ManualPlaylist> {
  await loadPlaylists();
  const now = Date.now();
  const p: ManualPlaylist = { id: crypto.randomUUID(), kind: 'manual', name: uniqueName(name), episodeIds: withinMax([...new Set(episodeIds)]), order: nextOrder(), createdAt: now, updatedAt: now };
  await commit([p]);
  return p;
}

export async function createSmartPlaylist(name: string, filter: SmartFilter): Promise<SmartPlaylist> {
  await loadPlaylists();
  const now = Date.now();
  const p: SmartPlaylist = { id: crypto.randomUUID(), kind: 'smart', name: uniqueName(name), filter: cleanFilter(filter), order: nextOrder(), createdAt: now, updatedAt: now };
  await commit([p]);
  return p;
}

export async function renamePlaylist(id: string, name: string): Promise<void> {
  await loadPlaylists();
  const p = find(id);
  await commit([{ ...p, name: uniqueName(name, id), updatedAt: Date.now() }]);
}

/** Changes a smart playlist's name and filter together (one form edits both). */
export async function updateSmartPlaylist(id: string, name: string, filter: SmartFilter): Promise<void> {
  await loadPlaylists();
  const p = find(id);
  if (p.kind !== 'smart') throw new PlaylistInputError('Only a smart playlist has a filter.');
  await commit([{ ...p, name: uniqueName(name, id), filter: cleanFilter(filter), updatedAt: Date.now() }]);
}

export async function deletePlaylist(id: string): Promise<void> {
  await loadPlaylists();
  find(id);
  await commit([], id);
}

/** Moves a playlist in the list of playlists. */
export async function movePlaylist(id: string, toIndex: number): Promise<void> {
  await loadPlaylists();
  const keys = reorderKeys(playlists.value, id, toIndex);
  const changed = keys.flatMap(({ id: pid, order }) => {
    const p = playlists.value.find((x) => x.id === pid);
    return p && p.order !== order ? [{ ...p, order }] : [];
  });
  await commit(changed);
}

async function editEpisodes(id: string, edit: (ids: readonly string[]) => string[]): Promise<void> {
  await loadPlaylists();
  const p = find(id);
  if (p.kind !== 'manual') throw new PlaylistInputError('A smart playlist fills itself; change its filter instead.');
  const episodeIds = edit(p.episodeIds);
  if (episodeIds.length > p.episodeIds.length) withinMax(episodeIds);
  if (episodeIds.length === p.episodeIds.length && episodeIds.every((e, i) => e === p.episodeIds[i])) return;
  await commit([{ ...p, episodeIds, updatedAt: Date.now() }]);
}

export function addToPlaylist(id: string, episodeId: string): Promise<void> {
  return editEpisodes(id, (ids) => addToList(ids, episodeId));
}

export function removeFromPlaylist(id: string, episodeId: string): Promise<void> {
  return editEpisodes(id, (ids) => removeFromList(ids, episodeId));
}

export function moveInPlaylist(id: string, episodeId: string, toIndex: number): Promise<void> {
  return editEpisodes(id, (ids) => moveInList(ids, episodeId, toIndex));
}

/**
 * Unsubscribing deletes a show's episodes, so its ids leave every manual playlist too (as they leave
 * Up Next): otherwise counts would include episodes no screen can show, and a later re-subscribe
 * would slip old picks back into lists the listener has since rearranged.
 */
export async function forgetShowInPlaylists(podcastId: string): Promise<void> {
  await loadPlaylists();
  const prefix = `${podcastId}\u0000`;
  const now = Date.now();
  const changed = playlists.value.flatMap((p) => {
    if (p.kind !== 'manual' || !p.episodeIds.some((id) => id.startsWith(prefix))) return [];
    return [{ ...p, episodeIds: p.episodeIds.filter((id) => !id.startsWith(prefix)), updatedAt: now }];
  });
  if (changed.length) await commit(changed);
}

/** Every playlist as plain records, for the backup (issue 14). */
export async function exportPlaylists(): Promise<Playlist[]> {
  return listPlaylists();
}

/**
 * Writes playlists from a backup: each entry is checked (hostile input), a playlist with a known id
 * is replaced, others are added; bad entries are reported, never half-written.
 */
export async function importPlaylists(raw: unknown): Promise<ParseReport<Playlist>> {
  await loadPlaylists();
  const report = parseAll(raw, parsePlaylist, Date.now(), 'playlists');
  await commit(report.items);
  return report;
}

/** The episode the "Add to playlist…" dialog is open for (one dialog serves every row and the player). */
export const playlistPicker = signal<{ episodeId: string; title: string } | null>(null);

export function openPlaylistPicker(episodeId: string, title: string): void {
  playlistPicker.value = { episodeId, title };
}

export function closePlaylistPicker(): void {
  playlistPicker.value = null;
}
