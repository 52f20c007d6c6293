/** The `playlists` store: manual and smart playlists, one record each (a manual one holds its episode ids inline). */
import type { Playlist } from '../core/playlists/types';
import { sortPlaylists } from '../core/playlists/order';
import { db } from './open';

export async function listPlaylists(): Promise<Playlist[]> {
  return sortPlaylists(await (await db()).getAll('playlists'));
}

export async function getPlaylist(id: string): Promise<Playlist | undefined> {
  return (await db()).get('playlists', id);
}

export async function putPlaylists(list: readonly Playlist[]): Promise<void> {
  const tx = (await db()).transaction('playlists', 'readwrite');
  for (const p of list) void tx.store.put(p);
  await tx.done;
}

export async function deletePlaylistRecord(id: string): Promise<void> {
  await (await db()).delete('playlists', id);
}
