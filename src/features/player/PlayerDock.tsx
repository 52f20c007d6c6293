import { useEffect, useRef, useState } from 'preact/hooks';
import { currentEpisode, playerError } from '../../state/player';
import { restorePlayer } from '../../state/player-restore';
import { startMediaSession } from '../../state/media-session';
import { startChapters } from '../../state/player-chapters';
import { loadPlaybackSettings } from '../../state/playback-settings';
import { loadQueue } from '../../state/queue';
import { refreshHistory } from '../../state/history';
import { startTabSync } from '../../state/player-tabs';
import { FullPlayer } from './FullPlayer';
import { MiniPlayer } from './MiniPlayer';
import { usePlayerShortcuts } from './use-player-shortcuts';
import { useSharedLink } from './use-shared-link';
import { useBackCloses } from './use-back-closes';
import './player.css';

/** Height the mini player adds to the dock; `.main` pads its bottom by it. */
const MINI_HEIGHT = '68px';

/** The mini player above the navigation, expanding to the full player; also starts the player on app load. */
export function PlayerDock() {
  const [open, setOpen] = useState(false);
  const [ready, setReady] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  usePlayerShortcuts();
  useSharedLink(ready);

  useEffect(() => {
    startChapters();
    startMediaSession();
    startTabSync();
    const report = (what: string) => (err: unknown) => console.warn(`Player start: ${what} failed`, err);
    void loadPlaybackSettings().catch(report('settings'));
    void loadQueue().catch(report('queue'));
    void refreshHistory().catch(report('history'));
    void restorePlayer()
      .catch(report('restore'))
      .finally(() => setReady(true));
  }, []);

  const hasEpisode = currentEpisode.value !== null;
  useEffect(() => {
    document.documentElement.style.setProperty('--dock-extra', hasEpisode ? MINI_HEIGHT : '0px');
    if (!hasEpisode) setOpen(false);
  }, [hasEpisode]);

  const close = () => {
    setOpen(false);
    // Back to the control that opened it, so keyboard users keep their place.
    requestAnimationFrame(() => openButton.current?.focus());
  };
  useBackCloses(open, close);

  if (!hasEpisode) {
    // Still restoring the saved episode: keep the mini player's place, as the loader did.
    if (!ready) return <div class="mini-player-slot" aria-hidden="true" />;
    // A play request that failed before anything loaded still needs saying.
    return playerError.value ? (
      <p class="mini-error dock-error" role="alert">
        {playerError.value}
      </p>
    ) : null;
  }
  return (
    <>
      <MiniPlayer onOpen={() => setOpen(true)} openRef={openButton} showError={!open} />
      {open && <FullPlayer onClose={close} />}
    </>
  );
}
