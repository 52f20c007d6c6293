/**
 * Putting an episode's audio in the one <audio> element (see player-audio.ts): loading it at the
 * right time, starting it, recovering from a failed source, and moving on to the next episode when
 * one ends. The public actions in player.ts call into this; the element's events come back through
 * player-events.ts with the handlers below handed in.
 */
import { batch } from '@preact/signals';
import { getEpisode } from '../db/episodes';
import { getPodcast } from '../db/podcasts';
import { getPlayState, savePosition } from '../db/play-state';
import { setSetting } from '../db/settings';
import { playbackUrlFor } from '../downloads/playback-url';
import { startPosition } from '../core/show-settings';
import { audioElement, endUnlock } from './player-audio';
import { explainFailure } from './player-errors';
import { speedForShow } from './playback-settings';
import { takeNext } from './queue';
import { markPlayed, refreshHistory } from './history';
import { endOfEpisodeTimerFired } from './sleep-timer';
import { CURRENT_KEY, persistNow } from './player-persist';
import { notePlayerEpisode } from './player-presence';
import { nextFromPlaylist } from './playlist-session';
import { wirePlayerExtras } from './player-extras';
import { getShowSettings, setPlayingShow } from './show-settings';
import { resumeGraph, sameOriginSource } from './audio-graph';
import { listenToElement } from './player-events';
import { isOffline, isOfflineUrl, reportError, session } from './player-session';
import { buffered, currentEpisode, currentPodcast, duration, isLoading, isPlaying, NOT_DOWNLOADED_OFFLINE, playbackRate, playerError, playerNotice, position } from './player-signals';

let wired = false;
/** The element with the player's listeners attached (once). */
export function wire(): HTMLAudioElement {
  const el = audioElement();
  if (wired) return el;
  wired = true;
  listenToElement(el, { ended: finishEpisode, error: onMediaError, online: onOnline });
  // The player's own reload is handed in, so player-extras never imports the player back.
  wirePlayerExtras(el, reloadCurrentSource);
  return el;
}

/** Back online: the offline note goes, and a cued episode whose load failed is loaded again, paused. */
function onOnline(): void {
  if (playerNotice.value === NOT_DOWNLOADED_OFFLINE) playerNotice.value = null;
  const ep = currentEpisode.value;
  if (!ep || !session.sourceStale || !audioElement().paused) return;
  session.sourceStale = false;
  void playbackUrlFor(ep)
    .then((url) => (currentEpisode.value?.id === ep.id ? loadSource(url, position.value, false) : undefined))
    .catch(reportError);
}

async function onMediaError(): Promise<void> {
  const el = audioElement();
  const ep = currentEpisode.value;
  const token = session.loadToken;
  // Code 1 (MEDIA_ERR_ABORTED) is a load the page itself cancelled, not a failure.
  if (!ep || !el.error || el.error.code === 1) return;
  isPlaying.value = false;
  isLoading.value = false;
  if (!session.wantPlay) {
    // Only cued (restored on start, a shared link): the listener asked for nothing, so no error.
    // Offline and not downloaded says so calmly; Play loads it again.
    session.sourceStale = true;
    if (isOffline() && !isOfflineUrl(el.currentSrc || el.src)) playerNotice.value = NOT_DOWNLOADED_OFFLINE;
    return;
  }
  const outcome = await explainFailure(ep, el.currentSrc || el.src, el.error.code, session.retriedViaProxy);
  if (token !== session.loadToken) return;
  if (outcome.kind === 'retry') {
    session.retriedViaProxy = true;
    const at = position.value;
    await loadSource(outcome.url, at, session.wantPlay && outcome.resume);
    return;
  }
  playerError.value = outcome.message;
}

export async function loadSource(url: string, at: number, play: boolean): Promise<void> {
  const el = wire();
  session.pendingSeek = at > 0 ? at : null;
  session.remoteAt = null;
  el.src = sameOriginSource(url);
  el.playbackRate = el.defaultPlaybackRate = playbackRate.value;
  el.load();
  if (play) await startPlayback();
}

export async function startPlayback(): Promise<void> {
  const el = wire();
  endUnlock();
  if (session.remoteAt !== null) {
    el.currentTime = session.remoteAt;
    session.remoteAt = null;
  }
  resumeGraph();
  session.wantPlay = true;
  try {
    await el.play();
  } catch (err) {
    // AbortError: a newer load replaced this one. NotAllowedError: no gesture; the user presses Play.
    // NotSupportedError arrives as an 'error' event too, which explains it.
    if (err instanceof DOMException && ['AbortError', 'NotAllowedError', 'NotSupportedError'].includes(err.name)) return;
    throw err;
  }
}

/** Puts an episode in the player at `at` seconds (or where it was left) and plays it when `play`. */
export async function load(episodeId: string, at: number | undefined, play: boolean): Promise<void> {
  const token = ++session.loadToken;
  const episode = await getEpisode(episodeId);
  if (!episode) throw new Error('This episode is no longer in your library.');
  const [podcast, saved, url] = await Promise.all([getPodcast(episode.podcastId), getPlayState(episodeId), playbackUrlFor(episode)]);
  const [rate, showSettings] = await Promise.all([speedForShow(episode.podcastId), getShowSettings(episode.podcastId)]);
  if (token !== session.loadToken) return;
  if (currentEpisode.value && currentEpisode.value.id !== episodeId) await persistNow();
  // An explicit time (chapter, bookmark, shared link) is honoured; otherwise the show's intro trim applies.
  const resumeAt = saved && !(saved.played && play) ? saved.position : 0;
  const from = at ?? startPosition(resumeAt, showSettings, saved?.duration ?? episode.duration ?? 0);
  batch(() => {
    currentEpisode.value = episode;
    notePlayerEpisode(episode.id);
    setPlayingShow(episode.podcastId, showSettings);
  });
  currentPodcast.value = podcast ?? null;
  playerError.value = null;
  playerNotice.value = null;
  // Already played (a replay): no need to mark it again at 95 %.
  session.markedPlayedId = saved?.played ? episodeId : null;
  session.retriedViaProxy = false;
  session.wantPlay = play;
  duration.value = saved?.duration ?? episode.duration ?? 0;
  position.value = from;
  buffered.value = [];
  playbackRate.value = rate;
  if (!play && !isOfflineUrl(url) && isOffline()) {
    // Cued offline and not downloaded: nothing can load, so nothing is tried (and nothing fails).
    session.sourceStale = true;
    playerNotice.value = NOT_DOWNLOADED_OFFLINE;
    const el = wire();
    el.removeAttribute('src');
    el.load();
  } else {
    session.sourceStale = false;
    await loadSource(url, from, play);
  }
  await setSetting(CURRENT_KEY, episodeId);
  if (play) {
    await savePosition(episodeId, from, duration.value || null);
    void refreshHistory();
  }
}

/** The exact position now: the signal lags the element by up to one timeupdate (~250 ms). */
export function currentTime(): number {
  const el = wire();
  return session.pendingSeek ?? session.remoteAt ?? (el.readyState > 0 ? el.currentTime : position.value);
}

/** Reloads the current episode's source at the current time (the volume boost needs a same-origin one). */
async function reloadCurrentSource(play: boolean): Promise<void> {
  const ep = currentEpisode.value;
  if (!ep) return;
  const token = session.loadToken;
  const url = await playbackUrlFor(ep);
  // Another episode started loading meanwhile: reloading this one now would replace it.
  if (token !== session.loadToken) return;
  await loadSource(url, currentTime(), play);
}

/** Ended: marked played, then the next in the queue starts (unless the sleep timer says stop). */
async function finishEpisode(): Promise<void> {
  const ep = currentEpisode.value;
  if (!ep) return;
  if (session.markedPlayedId !== ep.id) {
    session.markedPlayedId = ep.id;
    await markPlayed([ep.id], true);
  }
  if (endOfEpisodeTimerFired()) return;
  await playNextInQueue();
}

/** Plays the next queued episode now (also media keys' "next track" without chapters); false when none. */
export async function playNextInQueue(): Promise<boolean> {
  const after = currentEpisode.value?.id ?? null;
  // A playlist being played goes first; Up Next resumes when it runs out (see playlist-session.ts).
  const fromPlaylist = await nextFromPlaylist(after);
  if (fromPlaylist && (await getEpisode(fromPlaylist))) return load(fromPlaylist, undefined, true).then(() => true);
  for (;;) {
    const next = await takeNext(after);
    if (!next) return false;
    // An entry whose episode went away with its show is dropped, and the one after it plays.
    if (await getEpisode(next)) {
      await load(next, undefined, true);
      return true;
    }
  }
}
