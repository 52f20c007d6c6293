/**
 * Playing a playlist: it plays through on its own and leaves Up Next untouched. When an episode the
 * playlist started ends, the next one in the playlist (as it is now) plays; when the playlist runs
 * out, or the listener plays something else, the session ends and the queue carries on as usual.
 * The player asks `nextFromPlaylist` before the queue; this module never drives the player itself,
 * so it does not import it.
 */
import { signal } from '@preact/signals';
import { nextInPlaylist } from '../core/playlists/order';
import { getPlaylist } from '../db/playlists';
import { deleteSetting, getSetting, setSetting } from '../db/settings';
import { playlistEpisodeIds } from './playlist-items';

export interface PlaylistSession {
  playlistId: string;
  /** The episode the playlist put in the player; anything else playing means the listener moved on. */
  episodeId: string;
  /** The playlist's ids when that episode started (a smart playlist may drop it once it is played). */
  snapshot: string[];
}

const KEY = 'playlistSession';
export const playlistSession = signal<PlaylistSession | null>(null);

function isSession(v: unknown): v is PlaylistSession {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return typeof s['playlistId'] === 'string' && typeof s['episodeId'] === 'string' && Array.isArray(s['snapshot']) && s['snapshot'].every((x) => typeof x === 'string');
}

let loaded: Promise<void> | null = null;
/** The session survives a reload, like the episode in the player. */
export function loadPlaylistSession(): Promise<void> {
  loaded ??= getSetting<unknown>(KEY, null).then(
    (v) => {
      // A newer in-memory session (started before this read finished) wins.
      if (playlistSession.value === null) playlistSession.value = isSession(v) ? v : null;
    },
    (err: unknown) => {
      loaded = null;
      throw err;
    },
  );
  return loaded;
}

export async function beginPlaylistSession(session: PlaylistSession): Promise<void> {
  playlistSession.value = session;
  await setSetting(KEY, session);
}

export async function endPlaylistSession(): Promise<void> {
  playlistSession.value = null;
  await deleteSetting(KEY);
}

/** The playlist's next episode after `finishedId`, or null (session over: the queue takes it from here). */
export async function nextFromPlaylist(finishedId: string | null): Promise<string | null> {
  await loadPlaylistSession();
  const session = playlistSession.value;
  if (!session) return null;
  if (finishedId === null || session.episodeId !== finishedId) {
    await endPlaylistSession();
    return null;
  }
  const playlist = await getPlaylist(session.playlistId);
  const current = playlist ? await playlistEpisodeIds(playlist) : [];
  const next = nextInPlaylist(current, session.snapshot, finishedId);
  if (!next) {
    await endPlaylistSession();
    return null;
  }
  await beginPlaylistSession({ playlistId: session.playlistId, episodeId: next, snapshot: current });
  return next;
}
