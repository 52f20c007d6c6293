/**
 * Playlists and bookmarks through the Hopcast state extension (docs/SYNC.md): each is one item,
 * the newest `updatedAt` wins, a removal is a tombstone. Episodes travel as feed URL + enclosure
 * URL, as every gpodder device names them, and are mapped back to local ids here.
 */
import type { StateItem } from '../../core/sync';
import type { Bookmark, Playlist } from '../../core/playlists/types';
import { deletePlaylist, exportPlaylists, importPlaylists } from '../playlists';
import { deleteBookmark, exportBookmarks, importBookmarks } from '../bookmarks';
import type { EpisodeLookup } from './lookup';
import { getEpisodes } from '../../db/episodes';

export interface SyncedCollection<T extends { id: string; updatedAt: number }> {
  name: 'playlists' | 'bookmarks';
  list(): Promise<T[]>;
  toItems(local: T[], lookup: EpisodeLookup): Promise<StateItem[]>;
  fromItem(item: StateItem, lookup: EpisodeLookup): Promise<T | null>;
  upsert(items: T[]): Promise<unknown>;
  remove(id: string): Promise<void>;
}

/** Local episode id → {podcast, episode} as the server names it (null when it has no audio URL). */
async function refs(ids: readonly string[], lookup: EpisodeLookup): Promise<Map<string, { podcast: string; episode: string }>> {
  const out = new Map<string, { podcast: string; episode: string }>();
  for (const e of await getEpisodes(ids)) {
    const show = await lookup.show(e.podcastId);
    if (show && e.enclosure) out.set(e.id, { podcast: show.feedUrl, episode: e.enclosure.url });
  }
  return out;
}

async function episodeIdOf(ref: unknown, lookup: EpisodeLookup): Promise<string | null> {
  if (typeof ref !== 'object' || ref === null) return null;
  const { podcast, episode } = ref as { podcast?: unknown; episode?: unknown };
  if (typeof podcast !== 'string' || typeof episode !== 'string') return null;
  return (await lookup.episode(podcast, episode))?.id ?? null;
}

export const playlistCollection: SyncedCollection<Playlist> = {
  name: 'playlists',
  list: exportPlaylists,
  async toItems(local, lookup) {
    const known = await refs(
      local.flatMap((p) => (p.kind === 'manual' ? p.episodeIds : [])),
      lookup,
    );
    return local.map((p) => {
      const { episodeIds: _ids, ...rest } = p.kind === 'manual' ? p : { ...p, episodeIds: [] };
      const episodes = p.kind === 'manual' ? p.episodeIds.flatMap((id) => (known.has(id) ? [known.get(id)!] : [])) : [];
      return { ...rest, episodes };
    });
  },
  async fromItem(item, lookup) {
    const episodes = Array.isArray(item.episodes) ? item.episodes : [];
    const episodeIds: string[] = [];
    for (const ref of episodes.slice(0, 10_000)) {
      const id = await episodeIdOf(ref, lookup);
      if (id) episodeIds.push(id);
    }
    // Checked again by importPlaylists as hostile input; only known fields are passed on.
    return { id: item.id, kind: item.kind, name: item.name, order: item.order, createdAt: item.createdAt, updatedAt: item.updatedAt, episodeIds, filter: item.filter } as unknown as Playlist;
  },
  upsert: importPlaylists,
  remove: deletePlaylist,
};

export const bookmarkCollection: SyncedCollection<Bookmark> = {
  name: 'bookmarks',
  list: exportBookmarks,
  async toItems(local, lookup) {
    const known = await refs(
      local.map((b) => b.episodeId),
      lookup,
    );
    return local.flatMap((b) => {
      const ref = known.get(b.episodeId);
      if (!ref) return [];
      return [
        { id: b.id, podcast: ref.podcast, episode: ref.episode, at: b.time, note: b.note, episodeTitle: b.episodeTitle, podcastTitle: b.podcastTitle, createdAt: b.createdAt, updatedAt: b.updatedAt },
      ];
    });
  },
  async fromItem(item, lookup) {
    const episodeId = await episodeIdOf(item, lookup);
    if (!episodeId) return null;
    const show = typeof item.podcast === 'string' ? await lookup.show(item.podcast) : undefined;
    return {
      id: item.id,
      episodeId,
      podcastId: show?.id ?? '',
      time: item.at,
      note: item.note,
      episodeTitle: item.episodeTitle,
      podcastTitle: item.podcastTitle,
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
    } as unknown as Bookmark;
  },
  upsert: importBookmarks,
  remove: deleteBookmark,
};

/** Items changed here since the agreed versions, and tombstones for the ones removed here. */
export async function collectionChanges<T extends { id: string; updatedAt: number }>(
  c: SyncedCollection<T>,
  agreed: Readonly<Record<string, number>>,
  lookup: EpisodeLookup,
  now: number,
): Promise<StateItem[]> {
  const local = await c.list();
  const changed = local.filter((item) => agreed[item.id] !== item.updatedAt);
  const here = new Set(local.map((i) => i.id));
  const gone: StateItem[] = Object.keys(agreed)
    .filter((id) => !here.has(id))
    .map((id) => ({ id, deleted: true, updatedAt: now }));
  return [...(await c.toItems(changed, lookup)), ...gone];
}

/** Adopts the server's items that are newer than the local ones; returns the new agreed versions. */
export async function adoptCollection<T extends { id: string; updatedAt: number }>(c: SyncedCollection<T>, items: readonly StateItem[], lookup: EpisodeLookup): Promise<Record<string, number>> {
  const local = new Map((await c.list()).map((i) => [i.id, i]));
  const upserts: T[] = [];
  for (const item of items) {
    const mine = local.get(item.id);
    if (mine && mine.updatedAt >= item.updatedAt) continue;
    if (item.deleted) {
      if (mine) await c.remove(item.id);
      continue;
    }
    const converted = await c.fromItem(item, lookup);
    if (converted) upserts.push(converted);
  }
  if (upserts.length) await c.upsert(upserts);
  return Object.fromEntries((await c.list()).map((i) => [i.id, i.updatedAt]));
}
