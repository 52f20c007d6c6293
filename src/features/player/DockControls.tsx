import { skipBy } from '../../state/player';
import { chapters } from '../../state/player-chapters';
import { skipBack, skipForward } from '../../state/playback-settings';
import { SkipIcon } from './PlayerIcon';
import { SeekBar } from './SeekBar';
import { SpeedControl } from './SpeedControl';

/**
 * What the docked player adds on a wide screen (≥ 900 px, see player.css): skip, seek and speed
 * without opening the full player. Hidden (display: none, so out of the accessibility tree) on phones.
 */
export function SkipButton({ direction }: { direction: 'back' | 'forward' }) {
  const seconds = direction === 'back' ? skipBack.value : skipForward.value;
  return (
    <button
      type="button"
      class="icon-button dock-only"
      aria-label={direction === 'back' ? 'Skip back' : 'Skip forward'}
      title={`${direction === 'back' ? 'Back' : 'Forward'} ${seconds} seconds`}
      onClick={() => skipBy(direction === 'back' ? -seconds : seconds)}
    >
      <SkipIcon direction={direction} seconds={seconds} />
    </button>
  );
}

export function DockSeekAndSpeed() {
  return (
    <>
      <div class="dock-only dock-seek">
        <SeekBar chapters={chapters.value} />
      </div>
      <div class="dock-only dock-speed">
        <SpeedControl />
      </div>
    </>
  );
}
