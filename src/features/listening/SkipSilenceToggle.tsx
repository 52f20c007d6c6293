import { currentEpisode } from '../../state/player';
import { playingShowSettings, updateShowSettings } from '../../state/show-settings';
import { silenceStatus } from '../../state/silence-skip';
import { episodeTotals, overallTotals } from '../../state/listen-stats';
import { STRENGTHS } from '../../core/silence/strengths';
import { formatSpan } from '../../core/time-saved';
import './listening.css';

/**
 * Skip silence on/off for the show in the player (its default for every episode of the show; the
 * strength is chosen in the show's settings), with the time saved in this episode so far.
 */
export function SkipSilenceToggle() {
  const ep = currentEpisode.value;
  if (!ep) return null;
  const strength = playingShowSettings.value.silence;
  const on = strength !== 'off';
  const status = silenceStatus.value;
  const saved = episodeTotals.value;
  const total = overallTotals.value.savedBySilence;
  const note =
    status.kind === 'unavailable'
      ? status.message
      : on
        ? `${STRENGTHS[strength].label} · ${status.kind === 'analyzing' ? 'finding silences… · ' : ''}saved ${formatSpan(saved.savedBySilence)} in this episode, ${formatSpan(total)} in all`
        : saved.savedBySilence + saved.savedBySpeed > 0.5
          ? `Saved ${formatSpan(saved.savedBySilence + saved.savedBySpeed)} in this episode`
          : '';
  return (
    <div class="player-extras">
      <button type="button" class="toggle-chip" aria-pressed={on} onClick={() => void updateShowSettings(ep.podcastId, { silence: on ? 'off' : 'medium' })}>
        <span class="dot" aria-hidden="true" />
        Skip silence
      </button>
      <p class="player-extras-note" aria-live="polite" data-testid="silence-note">
        {note}
      </p>
    </div>
  );
}
