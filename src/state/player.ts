/**
 * The player: the signals the UI reads and the actions that drive the one <audio> element
 * (see player-audio.ts for why there is exactly one).
 */
import { batch } from '@preact/signals';
import { getEpisode } from '../db/episodes';
import { getPodcast } from '../db/podcasts';
import { getPlayState, savePosition } from '../db/play-state';
import { setSetting } from '../db/settings';
import { playbackUrlFor } from '../downloads/playback-url';
import { audioElement, bufferedRanges, endUnlock, unlockAudio, unlocking } from './player-audio';
import { explainFailure } from './player-errors';
import { clampSpeed, rememberSpeed, speedForShow } from './playback-settings';
import { removeFromQueue, takeNext } from './queue';
import { markPlayed, refreshHistory } from './history';
import { endOfEpisodeTimerFired, onSleepTick } from './sleep-timer';
import { CURRENT_KEY, persistNow } from './player-persist';
import { notePlayerEpisode, notePlayRequest } from './player-presence';
import { nextFromPlaylist } from './playlist-session';
import { wirePlayerExtras } from './player-extras';
import { getShowSettings, setPlayingShow } from './show-settings';
import { resumeGraph, sameOriginSource } from './audio-graph';
import { startPosition } from '../core/show-settings';
import {
  buffered,
  currentEpisode,
  currentPodcast,
  duration,
  isLoading,
  isPlaying,
  NOT_DOWNLOADED_OFFLINE,
  PLAYED_THRESHOLD,
  playbackRate,
  playerError,
  playerNotice,
  position,
} from './player-signals';

export * from './player-signals';

/** Increments on every load, so a slow load never overwrites a newer one. */
let loadToken = 0;
/** Where to seek once the new source's metadata is known. */
let pendingSeek: number | null = null;
/** The episode already marked played in this session, so timeupdate does it once. */
let markedPlayedId: string | null = null;
/** Proxy retry is tried once per loaded source. */
let retriedViaProxy = false;
/** Whether the listener asked for sound (a failed load then retries playing, a cued one stays paused). */
let wantPlay = false;
/** The element holds no usable source (a cue skipped or failed offline): Play loads it afresh. */
let sourceStale = false;

const isOffline = () => typeof navigator !== 'undefined' && !navigator.onLine;

function isOfflineUrl(url: string): boolean {
  return url.startsWith('/offline-audio/');
}

/** Back online: the offline note goes, and a cued episode whose load failed is loaded again, paused. */
function onOnline(): void {
  if (playerNotice.value === NOT_DOWNLOADED_OFFLINE) playerNotice.value = null;
  const ep = currentEpisode.value;
  if (!ep || !sourceStale || !audioElement().paused) return;
  sourceStale = false;
  void playbackUrlFor(ep)
    .then((url) => (currentEpisode.value?.id === ep.id ? loadSource(url, position.value, false) : undefined))
    .catch(reportError);
}

function knownDuration(): number {
  const d = audioElement().duration;
  return Number.isFinite(d) && d > 0 ? d : duration.value;
}

let wired = false;
/** The element with the player's listeners attached (once). */
export function wire(): HTMLAudioElement {
  const el = audioElement();
  if (wired) return el;
  wired = true;
  el.addEventListener('timeupdate', () => {
    if (pendingSeek !== null) return;
    position.value = el.currentTime;
    onSleepTick();
    const ep = currentEpisode.value;
    const total = knownDuration();
    if (ep && total > 0 && el.currentTime / total > PLAYED_THRESHOLD && markedPlayedId !== ep.id) {
      markedPlayedId = ep.id;
      void markPlayed([ep.id], true)
        .then(() => {
          if (currentEpisode.value?.id === ep.id) currentEpisode.value = { ...currentEpisode.value, played: 1 };
        })
        .catch(reportError);
    }
  });
  el.addEventListener('loadedmetadata', () => {
    if (Number.isFinite(el.duration) && el.duration > 0) duration.value = el.duration;
    if (pendingSeek !== null) {
      const to = Math.min(pendingSeek, Math.max(0, knownDuration() - 1));
      pendingSeek = null;
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
  el.addEventListener('ended', () => void finishEpisode().catch(reportError));
  el.addEventListener('error', () => void onMediaError());
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
  // The player's own reload is handed in, so player-extras never imports the player back.
  wirePlayerExtras(el, reloadCurrentSource);
  return el;
}

function reportError(err: unknown): void {
  playerError.value = err instanceof Error ? err.message : String(err);
}

async function onMediaError(): Promise<void> {
  const el = audioElement();
  const ep = currentEpisode.value;
  const token = loadToken;
  // Code 1 (MEDIA_ERR_ABORTED) is a load the page itself cancelled, not a failure.
  if (!ep || !el.error || el.error.code === 1) return;
  isPlaying.value = false;
  isLoading.value = false;
  if (!wantPlay) {
    // Only cued (restored on start, a shared link): the listener asked for nothing, so no error.
    // Offline and not downloaded says so calmly; Play loads it again.
    sourceStale = true;
    if (isOffline() && !isOfflineUrl(el.currentSrc || el.src)) playerNotice.value = NOT_DOWNLOADED_OFFLINE;
    return;
  }
  const outcome = await explainFailure(ep, el.currentSrc || el.src, el.error.code, retriedViaProxy);
  if (token !== loadToken) return;
  if (outcome.kind === 'retry') {
    retriedViaProxy = true;
    const at = position.value;
    await loadSource(outcome.url, at, wantPlay && outcome.resume);
    return;
  }
  playerError.value = outcome.message;
}

async function loadSource(url: string, at: number, play: boolean): Promise<void> {
  const el = wire();
  pendingSeek = at > 0 ? at : null;
  remoteAt = null;
  el.src = sameOriginSource(url);
  el.playbackRate = el.defaultPlaybackRate = playbackRate.value;
  el.load();
  if (play) await startPlayback();
}

async function startPlayback(): Promise<void> {
  const el = wire();
  endUnlock();
  if (remoteAt !== null) {
    el.currentTime = remoteAt;
    remoteAt = null;
  }
  resumeGraph();
  wantPlay = true;
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
async function load(episodeId: string, at: number | undefined, play: boolean): Promise<void> {
  const token = ++loadToken;
  const episode = await getEpisode(episodeId);
  if (!episode) throw new Error('This episode is no longer in your library.');
  const [podcast, saved, url] = await Promise.all([getPodcast(episode.podcastId), getPlayState(episodeId), playbackUrlFor(episode)]);
  const [rate, showSettings] = await Promise.all([speedForShow(episode.podcastId), getShowSettings(episode.podcastId)]);
  if (token !== loadToken) return;
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
  markedPlayedId = saved?.played ? episodeId : null;
  retriedViaProxy = false;
  wantPlay = play;
  duration.value = saved?.duration ?? episode.duration ?? 0;
  position.value = from;
  buffered.value = [];
  playbackRate.value = rate;
  if (!play && !isOfflineUrl(url) && isOffline()) {
    // Cued offline and not downloaded: nothing can load, so nothing is tried (and nothing fails).
    sourceStale = true;
    playerNotice.value = NOT_DOWNLOADED_OFFLINE;
    const el = wire();
    el.removeAttribute('src');
    el.load();
  } else {
    sourceStale = false;
    await loadSource(url, from, play);
  }
  await setSetting(CURRENT_KEY, episodeId);
  if (play) {
    await savePosition(episodeId, from, duration.value || null);
    void refreshHistory();
  }
}

/** Loads an episode and plays it from `startAt` seconds, else from where it was left (from 0 once played). */
export async function playEpisode(episodeId: string, startAt?: number): Promise<void> {
  notePlayRequest();
  unlockAudio();
  // Rows call this with `void`: a failure is shown on the player, never left as an unhandled rejection.
  try {
    await removeFromQueue(episodeId);
    // Already in the player: carry on from where it is rather than reloading from the last save.
    if (currentEpisode.value?.id === episodeId && startAt === undefined && !playerError.value && !sourceStale) {
      await startPlayback();
      return;
    }
    await load(episodeId, startAt !== undefined && Number.isFinite(startAt) ? Math.max(0, startAt) : undefined, true);
  } catch (err) {
    reportError(err);
  }
}

/** Loads an episode paused (restoring on start, opening a shared link). */
export async function cueEpisode(episodeId: string, at?: number): Promise<void> {
  await load(episodeId, at, false);
}

export async function togglePlay(): Promise<void> {
  const el = wire();
  const ep = currentEpisode.value;
  if (!ep) return;
  if (!el.paused) {
    pause();
    return;
  }
  if (playerError.value || sourceStale) {
    // After a failure, start over from the stored position with a fresh source.
    playerError.value = null;
    playerNotice.value = null;
    sourceStale = false;
    const url = await playbackUrlFor(ep);
    await loadSource(url, position.value, true);
    return;
  }
  await startPlayback();
}

/** Reloads the current episode's source at the current time (the volume boost needs a same-origin one). */
export async function reloadCurrentSource(play: boolean): Promise<void> {
  const ep = currentEpisode.value;
  if (!ep) return;
  const token = loadToken;
  const url = await playbackUrlFor(ep);
  // Another episode started loading meanwhile: reloading this one now would replace it.
  if (token !== loadToken) return;
  await loadSource(url, currentTime(), play);
}

export function pause(): void {
  wantPlay = false;
  wire().pause();
}

export async function play(): Promise<void> {
  if (wire().paused) await togglePlay();
}

/** Seconds, clamped to the episode. */
export function seekTo(seconds: number): void {
  const el = wire();
  if (!currentEpisode.value || !Number.isFinite(seconds)) return;
  const total = knownDuration();
  const to = Math.max(0, total > 0 ? Math.min(seconds, total) : seconds);
  remoteAt = null;
  if (pendingSeek !== null || el.readyState === 0) pendingSeek = to;
  else el.currentTime = to;
  position.value = to;
  void persistNow();
}

/** The exact position now: the signal lags the element by up to one timeupdate (~250 ms). */
export function currentTime(): number {
  const el = wire();
  return pendingSeek ?? remoteAt ?? (el.readyState > 0 ? el.currentTime : position.value);
}

export function skipBy(seconds: number): void {
  seekTo(currentTime() + seconds);
}

export async function setSpeed(rate: number): Promise<void> {
  const value = clampSpeed(rate);
  const el = wire();
  el.playbackRate = el.defaultPlaybackRate = value;
  playbackRate.value = value;
  const ep = currentEpisode.value;
  if (ep) await rememberSpeed(ep.podcastId, value);
}

/** Ended: marked played, then the next in the queue starts (unless the sleep timer says stop). */
async function finishEpisode(): Promise<void> {
  const ep = currentEpisode.value;
  if (!ep) return;
  if (markedPlayedId !== ep.id) {
    markedPlayedId = ep.id;
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

/**
 * Another tab plays `episodeId` at `at` seconds: this tab shows the same episode and position,
 * paused, so whichever tab the listener presses Play in carries on from the right place. The
 * element is not seeked on every message (each seek would fetch audio): the position is applied
 * when this tab starts playing. Nothing is stored: the playing tab saves its own position.
 */
export async function followOtherTab(episodeId: string, at: number): Promise<void> {
  if (!Number.isFinite(at) || at < 0) return;
  if (currentEpisode.value?.id !== episodeId) {
    if (following === episodeId) return;
    following = episodeId;
    try {
      await load(episodeId, at, false);
    } finally {
      following = null;
    }
    return;
  }
  if (!wire().paused) return;
  if (pendingSeek !== null) pendingSeek = at;
  else remoteAt = at;
  position.value = at;
}
/** The episode being loaded because another tab plays it (position messages arrive meanwhile). */
let following: string | null = null;
/** Where another tab left the shared episode; applied on this tab's next play. */
let remoteAt: number | null = null;
