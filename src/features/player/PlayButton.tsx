import { isLoading, isPlaying, togglePlay } from '../../state/player';
import { PlayerIcon } from './PlayerIcon';

/** Play / Pause, named by what it will do. */
export function PlayButton({ size = 'large' }: { size?: 'large' | 'small' }) {
  const playing = isPlaying.value;
  return (
    <button type="button" class={`play-button play-button-${size}${isLoading.value ? ' loading' : ''}`} aria-label={playing ? 'Pause' : 'Play'} onClick={() => void togglePlay()}>
      <PlayerIcon name={playing ? 'pause' : 'play'} size={size === 'large' ? 32 : 24} />
    </button>
  );
}
