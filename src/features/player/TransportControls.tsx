import { skipBy } from '../../state/player';
import { hasChapters, nextChapter, previousChapter } from '../../state/player-chapters';
import { skipBack, skipForward } from '../../state/playback-settings';
import { PlayButton } from './PlayButton';
import { PlayerIcon, SkipIcon } from './PlayerIcon';

/** Previous chapter, skip back, play/pause, skip forward, next chapter (chapter buttons only with chapters). */
export function TransportControls() {
  const chapters = hasChapters.value;
  return (
    <div class="transport">
      {chapters && (
        <button type="button" class="icon-button transport-small" aria-label="Previous chapter" onClick={() => previousChapter()}>
          <PlayerIcon name="prev-chapter" />
        </button>
      )}
      <button type="button" class="icon-button transport-skip" aria-label="Skip back" title={`Back ${skipBack.value} seconds`} onClick={() => skipBy(-skipBack.value)}>
        <SkipIcon direction="back" seconds={skipBack.value} />
      </button>
      <PlayButton />
      <button type="button" class="icon-button transport-skip" aria-label="Skip forward" title={`Forward ${skipForward.value} seconds`} onClick={() => skipBy(skipForward.value)}>
        <SkipIcon direction="forward" seconds={skipForward.value} />
      </button>
      {chapters && (
        <button type="button" class="icon-button transport-small" aria-label="Next chapter" onClick={() => nextChapter()}>
          <PlayerIcon name="next-chapter" />
        </button>
      )}
    </div>
  );
}
