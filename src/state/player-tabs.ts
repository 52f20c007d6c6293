/**
 * One player across tabs: when this tab starts playing it tells the others, which pause and then
 * mirror its episode and position (within a timeupdate, ~250 ms). Last Play pressed wins, as
 * listeners expect from any media app.
 */
import { audioElement } from './player-audio';
import { currentEpisode, duration, followOtherTab, pause, position } from './player';
import { announce, onTabMessage, TAB_ID } from './tabs';
import { refreshHistory } from './history';
import { libraryChanged } from './library';

let started = false;

export function startTabSync(): void {
  if (started) return;
  started = true;
  const el = audioElement();
  el.addEventListener('play', () => {
    const ep = currentEpisode.value;
    if (ep) announce({ type: 'playing', tab: TAB_ID, episodeId: ep.id });
  });
  el.addEventListener('timeupdate', () => {
    const ep = currentEpisode.value;
    if (ep && !el.paused) announce({ type: 'position', tab: TAB_ID, episodeId: ep.id, position: position.value, duration: duration.value });
  });
  // Seeking while paused moves the other tabs too.
  el.addEventListener('seeked', () => {
    const ep = currentEpisode.value;
    if (ep && el.paused) announce({ type: 'position', tab: TAB_ID, episodeId: ep.id, position: el.currentTime, duration: duration.value });
  });
  el.addEventListener('pause', () => announce({ type: 'history' }));
  // The player may be started (a play request loads it) before this runs: say so now, or the other
  // tab would keep playing and this one would follow it.
  const playing = currentEpisode.value;
  if (playing && !el.paused) announce({ type: 'playing', tab: TAB_ID, episodeId: playing.id });
  onTabMessage((message) => {
    if (message.type === 'playing') {
      // Only pause here: the position messages that follow say which episode and where.
      if (!el.paused) pause();
    } else if (message.type === 'position') {
      // A tab that is playing leads: the other will pause once it hears so (announced below).
      if (!el.paused) return;
      void followOtherTab(message.episodeId, message.position).catch(() => undefined);
    } else if (message.type === 'history') {
      void refreshHistory().catch(() => undefined);
    } else if (message.type === 'library') {
      void libraryChanged()
        .then(refreshHistory)
        .catch(() => undefined);
    }
  });
}
