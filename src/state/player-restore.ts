/**
 * On start, the last episode goes back in the player at its position, paused (or playing, after the
 * app reloaded itself for an update while it played). Apart from player-persist so that module
 * never imports the player it serves.
 */
import { getPlayState } from '../db/play-state';
import { getSetting, setSetting } from '../db/settings';
import { cueEpisode, currentEpisode, play, wire } from './player';
import { CURRENT_KEY, RESUME_KEY, readSnapshot, startPersisting } from './player-persist';
import { notePlayerEpisode } from './player-presence';

function takeResumeFlag(): boolean {
  try {
    const set = sessionStorage.getItem(RESUME_KEY) === '1';
    sessionStorage.removeItem(RESUME_KEY);
    return set;
  } catch {
    return false;
  }
}

/** On start: the last episode back in the player at its position, paused. */
export async function restorePlayer(): Promise<void> {
  wire();
  startPersisting();
  // Something is already playing (the player loaded because of a play request): keep it.
  if (currentEpisode.value) return;
  const snapshot = readSnapshot();
  const id = await getSetting<unknown>(CURRENT_KEY, null);
  if (typeof id !== 'string') return;
  const saved = await getPlayState(id);
  // The pagehide snapshot is synchronous, so it can be newer than the last IndexedDB write.
  const at = snapshot && snapshot.episodeId === id && snapshot.at > (saved?.updatedAt ?? 0) ? snapshot.position : saved?.position;
  const resume = takeResumeFlag();
  try {
    await cueEpisode(id, at);
    if (resume) await play();
  } catch {
    // The episode was removed with its show: start empty rather than show a broken player.
    await setSetting(CURRENT_KEY, null);
    notePlayerEpisode(null);
  }
}
