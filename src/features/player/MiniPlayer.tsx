import type { Ref } from 'preact';
import { currentEpisode, currentPodcast, duration, playerError, playerNotice, position } from '../../state/player';
import { currentChapter } from '../../state/player-chapters';
import { Artwork } from '../../ui/Artwork';
import { PlayButton } from './PlayButton';
import { DockSeekAndSpeed, SkipButton } from './DockControls';

/** The strip above the navigation: what is playing, its progress, play/pause; tap to open the full player. */
export function MiniPlayer({ onOpen, openRef, showError }: { onOpen: () => void; openRef: Ref<HTMLButtonElement>; showError: boolean }) {
  const ep = currentEpisode.value;
  if (!ep) return null;
  const show = currentPodcast.value;
  const total = duration.value;
  const progress = total > 0 ? Math.min(100, (position.value / total) * 100) : 0;
  const chapter = currentChapter.value;
  const error = playerError.value;
  const notice = playerNotice.value;
  return (
    <div class="mini-player">
      <div class="mini-progress" aria-hidden="true">
        <div class="mini-progress-bar" style={{ width: `${progress}%` }} />
      </div>
      <button ref={openRef} type="button" class="mini-open" aria-label="Open player" aria-haspopup="dialog" onClick={onOpen}>
        <Artwork src={chapter?.img ?? ep.image ?? show?.image} title={show?.title ?? ep.title} size={44} />
        <span class="mini-text">
          <span class="mini-title">{ep.title}</span>
          <span class={`mini-sub${error ? ' error-text' : ''}`}>{error ? 'Playback failed' : notice ? notice : chapter && !chapter.hidden ? chapter.title : (show?.title ?? '')}</span>
        </span>
      </button>
      <SkipButton direction="back" />
      <PlayButton size="small" />
      <SkipButton direction="forward" />
      <DockSeekAndSpeed />
      {error && showError && (
        <p class="mini-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
