import { useEffect, useRef } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import { currentEpisode, currentPodcast, playerError, playerNotice } from '../../state/player';
import { chapters, currentChapter } from '../../state/player-chapters';
import { Artwork } from '../../ui/Artwork';
import { ChapterList } from './ChapterList';
import { PlayerIcon } from './PlayerIcon';
import { SeekBar } from './SeekBar';
import { ShareButton } from './ShareButton';
import { AddBookmarkButton } from '../bookmarks/AddBookmarkButton';
import { AddToPlaylistButton } from '../playlists/AddToPlaylistButton';
import { SleepTimerControl } from './SleepTimerControl';
import { SpeedControl } from './SpeedControl';
import { TransportControls } from './TransportControls';
import { MarkPlayedButton } from '../episode-row/MarkPlayedButton';
import { FollowAlong } from '../transcripts/FollowAlong';
import { SkipSilenceToggle } from '../listening/SkipSilenceToggle';
import { CastButton } from '../listening/CastButton';
import './full-player-controls.css';

const FOCUSABLE = 'button:not([disabled]), [href], select, input, [tabindex]:not([tabindex="-1"])';

/** The whole-screen player, a modal dialog: focus stays inside until it is closed (Escape or Close player). */
export function FullPlayer({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const body = document.body.style;
    const before = body.overflow;
    body.overflow = 'hidden';
    return () => {
      body.overflow = before;
    };
  }, []);

  const ep = currentEpisode.value;
  if (!ep) return null;
  const show = currentPodcast.value;
  const chapter = currentChapter.value;
  const error = playerError.value;

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = [...dialog.current!.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the modal traps Tab and closes on Escape: keys bubbling from its controls
    <div ref={dialog} class="full-player" role="dialog" aria-modal="true" aria-labelledby="full-player-title" onKeyDown={onKeyDown}>
      <div class="full-inner">
        <header class="full-header">
          <button ref={close} type="button" class="icon-button" aria-label="Close player" onClick={onClose}>
            <PlayerIcon name="chevron-down" size={28} />
          </button>
          <span class="full-header-label">Now playing</span>
          <span class="full-header-spacer" />
        </header>
        <div class="full-art">
          <Artwork src={chapter?.img ?? ep.image ?? show?.image} title={show?.title ?? ep.title} size={300} class="full-artwork" />
        </div>
        <div class="full-titles">
          {chapter && !chapter.hidden && <p class="full-chapter">{chapter.title}</p>}
          <h2 id="full-player-title" class="full-title">
            {ep.title}
          </h2>
          <p class="full-show muted">{show?.title ?? ''}</p>
        </div>
        {error && (
          <p class="player-error" role="alert">
            {error}
          </p>
        )}
        {!error && playerNotice.value && <p class="player-notice muted">{playerNotice.value}</p>}
        <SeekBar chapters={chapters.value} />
        <TransportControls />
        <div class="player-options">
          <SpeedControl />
          <SleepTimerControl />
        </div>
        <SkipSilenceToggle />
        <CastButton />
        <div class="player-secondary">
          <ShareButton />
          <MarkPlayedButton episode={ep} small />
        </div>
        <AddBookmarkButton />
        <AddToPlaylistButton episode={ep} variant="player" />
        <FollowAlong />
        <ChapterList />
      </div>
    </div>
  );
}
