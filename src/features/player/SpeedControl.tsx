import { playbackRate, setSpeed } from '../../state/player';
import { SPEED_CHOICES } from '../../state/playback-settings';

export const formatSpeed = (rate: number) => `${rate.toFixed(1)}×`;

/** 0.5–3× in 0.1 steps; the choice is remembered for the show. */
export function SpeedControl() {
  return (
    <label class="player-option">
      <span class="player-option-label">Speed</span>
      <select aria-label="Playback speed" value={playbackRate.value.toFixed(1)} onChange={(e) => void setSpeed(Number(e.currentTarget.value))}>
        {SPEED_CHOICES.map((r) => (
          <option key={r} value={r.toFixed(1)}>
            {formatSpeed(r)}
          </option>
        ))}
      </select>
    </label>
  );
}
