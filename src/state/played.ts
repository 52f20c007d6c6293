/**
 * Marking episodes played or unplayed from anywhere (a row's menu, the Episode page, the player,
 * the Show page's "Mark all played"), each change undoable from the toast that reports it.
 */
import { olderEpisodeIds, restorePlayed, showEpisodeIds, snapshotPlayed } from '../db/play-state';
import { markPlayed, refreshHistory } from './history';
import { libraryChanged } from './library';
import { showToast } from './toast';
import { getEpisode } from '../db/episodes';
import { currentEpisode } from './player';

/** The player holds its own copy of the episode: keep its played flag in step with the store. */
async function syncPlayer(ids: readonly string[]): Promise<void> {
  const current = currentEpisode.value;
  if (!current || !ids.includes(current.id)) return;
  const fresh = await getEpisode(current.id);
  if (fresh && currentEpisode.value?.id === fresh.id) currentEpisode.value = fresh;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Marks, then offers Undo that puts back exactly what was there (positions included). */
async function markUndoable(ids: readonly string[], played: boolean, message: string): Promise<void> {
  const before = await snapshotPlayed(ids);
  await markPlayed(ids, played);
  await syncPlayer(ids);
  showToast(message, {
    label: 'Undo',
    run: async () => {
      await restorePlayed(before);
      await Promise.all([refreshHistory(), libraryChanged(), syncPlayer(ids)]);
      showToast('Undone.');
    },
  });
}

export function markEpisodePlayed(episodeId: string, title: string, played: boolean): Promise<void> {
  return markUndoable([episodeId], played, `${title} marked ${played ? 'played' : 'unplayed'}.`);
}

/** Every episode of the show published before this one. */
export async function markOlderPlayed(episodeId: string, played: boolean): Promise<void> {
  const ids = await olderEpisodeIds(episodeId);
  if (ids.length === 0) {
    showToast('No older episodes in this show.');
    return;
  }
  await markUndoable(ids, played, `${plural(ids.length, 'older episode', 'older episodes')} marked ${played ? 'played' : 'unplayed'}.`);
}

export async function markShowPlayed(podcastId: string, played: boolean): Promise<void> {
  const ids = await showEpisodeIds(podcastId);
  await markUndoable(ids, played, `${plural(ids.length, 'episode', 'episodes')} marked ${played ? 'played' : 'unplayed'}.`);
}
