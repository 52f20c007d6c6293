/**
 * What the player does beyond play/pause/seek, wired to the one element once (from player.ts):
 * per-show outro trim, skip silence, volume boost, listening stats and casting. Kept apart so
 * player.ts stays about loading and transport.
 */
import { effect } from '@preact/signals';
import { outroStart } from '../core/show-settings';
// eslint-disable-next-line import-x/no-cycle -- known cycle that issue 16 breaks; the rule keeps new ones out meanwhile
import { currentEpisode, isPlaying, reloadCurrentSource } from './player';
import { playingShowSettings } from './show-settings';
import { checkSilence, pauseSilenceTimer, updateSilenceSkip } from './silence-skip';
import { beginEpisodeStats, countProgress, flushStats, resetProgressBaseline } from './listen-stats';
import { needsSameOriginReload, setBoost } from './audio-graph';
import { noteCastPosition, watchCast } from './cast';

/** Set once the outro jump was made for the loaded source, so it happens once. */
let outroDone = false;

export function wirePlayerExtras(el: HTMLAudioElement): void {
  el.addEventListener('loadstart', () => {
    outroDone = false;
    resetProgressBaseline();
  });
  el.addEventListener('timeupdate', () => {
    const ep = currentEpisode.peek();
    if (!ep || el.seeking) return;
    if (!el.paused) countProgress(ep.podcastId, ep.id, el.currentTime, el.playbackRate);
    noteCastPosition(el.currentTime);
    const end = outroStart(playingShowSettings.peek(), Number.isFinite(el.duration) ? el.duration : 0);
    if (end !== null && !outroDone && el.currentTime >= end && el.currentTime < el.duration) {
      outroDone = true;
      // Jumping to the very end makes the element fire 'ended', so the played mark and the queue
      // advance happen exactly as when an episode runs out.
      el.currentTime = el.duration;
      return;
    }
    checkSilence();
  });
  el.addEventListener('seeking', () => resetProgressBaseline());
  for (const type of ['seeked', 'playing', 'ratechange'] as const) el.addEventListener(type, () => checkSilence());
  el.addEventListener('pause', () => {
    pauseSilenceTimer();
    resetProgressBaseline();
    void flushStats();
  });
  // A page being closed or hidden may not come back: keep what was counted.
  if (typeof window !== 'undefined') window.addEventListener('pagehide', () => void flushStats());

  let statsFor: string | null = null;
  effect(() => {
    const ep = currentEpisode.value;
    const settings = playingShowSettings.value;
    if (ep && ep.id !== statsFor) {
      statsFor = ep.id;
      void beginEpisodeStats(ep.id);
    }
    void updateSilenceSkip(el, ep, ep ? settings.silence : 'off');
    setBoost(el, !!ep && settings.volumeBoost);
    // The graph carries this element from now on: a cross-origin source would play silent, reload it same-origin.
    if (needsSameOriginReload(el.currentSrc)) void reloadCurrentSource(isPlaying.peek());
  });
  watchCast(el);
}
