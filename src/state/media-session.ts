/**
 * Lock-screen and hardware-key controls through the Media Session API: metadata with artwork in
 * several sizes, action handlers, and the position state kept in step with the element.
 */
import { effect } from '@preact/signals';
import { currentEpisode, currentPodcast, currentTime, duration, isPlaying, pause, play, playEpisode, playNextInQueue, playbackRate, position, seekTo, skipBy } from './player';
import { currentChapter, hasChapters, nextChapter, previousChapter, startChapters } from './player-chapters';
import { skipBack, skipForward } from './playback-settings';
import { history } from './history';
import { addToQueue } from './queue';

const ARTWORK_SIZES = [96, 128, 192, 256, 384, 512];
/** "Previous" restarts the episode when further in than this, like every music player. */
const RESTART_GRACE_S = 3;

function artworkFor(url: string | null): MediaImage[] {
  const icons: MediaImage[] = [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
  ];
  if (!url) return icons;
  // Feeds give one image of unknown size; declaring it at each size lets the platform pick it for every slot.
  return ARTWORK_SIZES.map((n) => ({ src: url, sizes: `${n}x${n}` }));
}

/** Previous episode from history: the current one goes back to the top of the queue. */
async function previousTrack(): Promise<void> {
  if (hasChapters.value) {
    previousChapter();
    return;
  }
  const current = currentEpisode.value;
  if (!current || currentTime() > RESTART_GRACE_S) {
    seekTo(0);
    return;
  }
  const before = history.value.find((h) => h.episode.id !== current.id);
  if (!before) {
    seekTo(0);
    return;
  }
  await addToQueue(current.id, 'next');
  await playEpisode(before.episode.id);
}

async function nextTrack(): Promise<void> {
  if (hasChapters.value && nextChapter()) return;
  await playNextInQueue();
}

function handle(action: MediaSessionAction, handler: MediaSessionActionHandler): void {
  try {
    navigator.mediaSession.setActionHandler(action, handler);
  } catch {
    // Browsers throw for actions they do not know (older Safari and seekto, for one).
  }
}

export function startMediaSession(): void {
  if (!('mediaSession' in navigator)) return;
  const session = navigator.mediaSession;
  startChapters();
  const report = (err: unknown) => console.warn('Media Session action failed', err);
  handle('play', () => void play().catch(report));
  handle('pause', () => pause());
  handle('seekbackward', (d) => skipBy(-(d.seekOffset ?? skipBack.value)));
  handle('seekforward', (d) => skipBy(d.seekOffset ?? skipForward.value));
  handle('seekto', (d) => {
    if (typeof d.seekTime === 'number') seekTo(d.seekTime);
  });
  handle('previoustrack', () => void previousTrack().catch(report));
  handle('nexttrack', () => void nextTrack().catch(report));

  effect(() => {
    const ep = currentEpisode.value;
    const show = currentPodcast.value;
    const chapter = currentChapter.value;
    if (!ep) {
      session.metadata = null;
      return;
    }
    session.metadata = new MediaMetadata({
      title: chapter && !chapter.hidden ? `${chapter.title} · ${ep.title}` : ep.title,
      artist: show?.author ?? show?.title ?? '',
      album: show?.title ?? '',
      artwork: artworkFor(chapter?.img ?? ep.image ?? show?.image ?? null),
    });
  });
  effect(() => {
    session.playbackState = currentEpisode.value ? (isPlaying.value ? 'playing' : 'paused') : 'none';
  });
  effect(() => {
    const total = duration.value;
    const at = position.value;
    const rate = playbackRate.value;
    // The API throws on a non-finite or zero duration (live streams, metadata not loaded yet).
    if (!currentEpisode.value || !Number.isFinite(total) || total <= 0) return;
    try {
      session.setPositionState({ duration: total, playbackRate: rate > 0 ? rate : 1, position: Math.min(Math.max(0, at), total) });
    } catch {
      // Rejected (e.g. a rate of 0 while the element is reloading): the next update corrects it.
    }
  });
}
