/**
 * The <audio> element's events turned into the player's signals: position, duration, buffering,
 * play/pause, the played mark at 95 %. What needs to load a source (ended, a media error, coming
 * back online) is handed in, so this module never imports the loading code that wires it.
 */
import { bufferedRanges, unlocking } from './player-audio';
import { markPlayed } from './history';
import { onSleepTick } from './sleep-timer';
import { persistNow } from './player-persist';
import { knownDuration, reportError, session } from './player-session';
import { buffered, currentEpisode, duration, isLoading, isPlaying, PLAYED_THRESHOLD, playbackRate, playerError, position } from './player-signals';

export interface ElementHandlers {
  ended: () => Promise<void>;
  error: () => Promise<void>;
  online: () => void;
}

export function listenToElement(el: HTMLAudioElement, on: ElementHandlers): void {
  el.addEventListener('timeupdate', () => {
    if (session.pendingSeek !== null) return;
    position.value = el.currentTime;
    onSleepTick();
    const ep = currentEpisode.value;
    const total = knownDuration();
    if (ep && total > 0 && el.currentTime / total > PLAYED_THRESHOLD && session.markedPlayedId !== ep.id) {
      session.markedPlayedId = ep.id;
      void markPlayed([ep.id], true)
        .then(() => {
          if (currentEpisode.value?.id === ep.id) currentEpisode.value = { ...currentEpisode.value, played: 1 };
        })
        .catch(reportError);
    }
  });
  el.addEventListener('loadedmetadata', () => {
    if (Number.isFinite(el.duration) && el.duration > 0) duration.value = el.duration;
    if (session.pendingSeek !== null) {
      const to = Math.min(session.pendingSeek, Math.max(0, knownDuration() - 1));
      session.pendingSeek = null;
      el.currentTime = to;
      position.value = to;
    }
  });
  el.addEventListener('durationchange', () => {
    if (Number.isFinite(el.duration) && el.duration > 0) duration.value = el.duration;
  });
  el.addEventListener('progress', () => (buffered.value = bufferedRanges(el)));
  el.addEventListener('seeked', () => (buffered.value = bufferedRanges(el)));
  el.addEventListener('ratechange', () => (playbackRate.value = el.playbackRate));
  el.addEventListener('play', () => {
    if (!unlocking) isPlaying.value = true;
  });
  el.addEventListener('playing', () => {
    isLoading.value = false;
    playerError.value = null;
  });
  el.addEventListener('waiting', () => (isLoading.value = !el.paused));
  el.addEventListener('pause', () => {
    isPlaying.value = false;
    isLoading.value = false;
    void persistNow();
  });
  el.addEventListener('ended', () => void on.ended().catch(reportError));
  el.addEventListener('error', () => void on.error());
  if (typeof window !== 'undefined') window.addEventListener('online', on.online);
}
