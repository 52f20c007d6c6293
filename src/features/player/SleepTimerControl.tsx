import { formatClock } from '../../core/time';
import { setSleepTimer, SLEEP_CHOICES, sleepTimer } from '../../state/sleep-timer';

/** Off, a number of minutes (counting while playing, then a fade-out), or the end of the episode. */
export function SleepTimerControl() {
  const timer = sleepTimer.value;
  const value = !timer ? 'off' : timer.kind === 'end-of-episode' ? 'end' : String(timer.minutes);
  const onChange = (v: string) => setSleepTimer(v === 'off' ? null : v === 'end' ? 'end-of-episode' : Number(v));
  return (
    <label class="player-option">
      <span class="player-option-label">
        Sleep{timer?.kind === 'minutes' && <span class="sleep-left"> · {formatClock(timer.remainingMs / 1000)}</span>}
        {timer?.kind === 'end-of-episode' && <span class="sleep-left"> · at end</span>}
      </span>
      <select aria-label="Sleep timer" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="off">Off</option>
        {SLEEP_CHOICES.map((m) => (
          <option key={m} value={String(m)}>
            {m} min
          </option>
        ))}
        <option value="end">End of episode</option>
      </select>
    </label>
  );
}
