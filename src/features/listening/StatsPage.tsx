import { useEffect, useState } from 'preact/hooks';
import { Page } from '../../ui/Page';
import { formatSpan, savedTotal, type ListenTotals } from '../../core/time-saved';
import { loadStats, statsVersion, type ShowStats } from '../../state/listen-stats';
import './listening.css';

function Bar({ t }: { t: ListenTotals }) {
  const all = t.listened + savedTotal(t);
  if (all <= 0) return null;
  const pct = (x: number) => `${(x / all) * 100}%`;
  return (
    <div class="stats-bar" aria-hidden="true">
      <span class="listened" style={{ width: pct(t.listened) }} />
      <span class="speed" style={{ width: pct(t.savedBySpeed) }} />
      <span class="silence" style={{ width: pct(t.savedBySilence) }} />
    </div>
  );
}

/** Listening stats: time listened and time saved by speed and by skip silence, in total and per show. */
export function StatsPage() {
  const [data, setData] = useState<{ total: ListenTotals; shows: ShowStats[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = statsVersion.value;
  useEffect(() => {
    let live = true;
    loadStats().then(
      (d) => live && setData(d),
      (err: unknown) => live && setError(err instanceof Error ? err.message : 'The stats could not be read.'),
    );
    return () => {
      live = false;
    };
  }, [version]);

  return (
    <Page title="Listening stats" back="/settings">
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      {!data && !error && (
        <p class="muted" aria-busy="true">
          Loading…
        </p>
      )}
      {data && (
        <>
          <dl class="stats-cards" aria-label="Totals">
            <div class="stats-card">
              <dt>Time listened</dt>
              <dd>{formatSpan(data.total.listened)}</dd>
            </div>
            <div class="stats-card">
              <dt>Time saved</dt>
              <dd>{formatSpan(savedTotal(data.total))}</dd>
            </div>
            <div class="stats-card">
              <dt>Saved by speed</dt>
              <dd>{formatSpan(data.total.savedBySpeed)}</dd>
            </div>
            <div class="stats-card">
              <dt>Saved by skip silence</dt>
              <dd>{formatSpan(data.total.savedBySilence)}</dd>
            </div>
          </dl>
          <h2>By show</h2>
          {data.shows.length > 0 && (
            <p class="stats-legend muted">
              <span class="legend-item">
                <span class="swatch listened" /> listened
              </span>
              <span class="legend-item">
                <span class="swatch speed" /> saved by speed
              </span>
              <span class="legend-item">
                <span class="swatch silence" /> saved by skip silence
              </span>
            </p>
          )}
          {data.shows.length === 0 ? (
            <p class="muted">Nothing yet. Time you spend listening, and the time speed and skip silence save you, adds up here.</p>
          ) : (
            <ul class="stats-shows">
              {data.shows.map((s) => (
                <li key={s.podcastId} class="stats-show">
                  <p class="stats-show-title">{s.title}</p>
                  <p class="stats-show-figures">
                    Listened {formatSpan(s.totals.listened)} · speed saved {formatSpan(s.totals.savedBySpeed)} · silence saved {formatSpan(s.totals.savedBySilence)}
                  </p>
                  <Bar t={s.totals} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
