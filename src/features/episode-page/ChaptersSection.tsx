import { useEffect, useState } from 'preact/hooks';
import { visibleChapters, type Chapter } from '../../core/chapters';
import { formatClock } from '../../core/time';
import { loadChapters, type Loaded } from '../../state/episode-page';
import { httpUrl } from './safe-url';
import { currentEpisode, position } from '../../state/player';

/** The `podcast:chapters` table of contents (stored copy and images first); each start time plays the episode from there. */
export function ChaptersSection({ url, episodeId, onSeek }: { url: string; episodeId: string; onSeek: ((seconds: number) => void) | null }) {
  const [state, setState] = useState<Loaded<Chapter[]> | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    setState(null);
    void loadChapters(url, controller.signal, episodeId).then((loaded) => !controller.signal.aborted && setState(loaded));
    return () => controller.abort();
  }, [url, episodeId]);

  const chapters = state?.ok ? visibleChapters(state.value) : [];
  // While this episode is in the player, the chapter it is in is marked, as in the player.
  const inPlayer = episodeId !== undefined && currentEpisode.value?.id === episodeId;
  const at = inPlayer ? position.value : -1;
  const currentIndex = inPlayer ? chapters.findLastIndex((c) => c.startTime <= at) : -1;
  return (
    <section class="episode-section" aria-labelledby="chapters-heading">
      <h2 id="chapters-heading">Chapters</h2>
      {!state && <p class="muted">Loading chapters…</p>}
      {state && !state.ok && <p class="error-text">{state.message}</p>}
      {state?.ok && chapters.length === 0 && <p class="muted">This episode's chapter list is empty.</p>}
      {chapters.length > 0 && (
        <ol class="chapter-list">
          {chapters.map((c, i) => {
            const link = httpUrl(c.url);
            return (
              <li key={`${c.startTime}-${i}`} class={i === currentIndex ? 'current' : undefined} aria-current={i === currentIndex ? 'true' : undefined}>
                <button type="button" class="seek-link" disabled={!onSeek} aria-label={`Play from ${formatClock(c.startTime)}: ${c.title}`} onClick={() => onSeek?.(c.startTime)}>
                  {formatClock(c.startTime)}
                </button>
                {c.img && <img class="chapter-img" src={c.img} alt="" width={40} height={40} loading="lazy" decoding="async" referrerpolicy="no-referrer" />}
                <span class="chapter-title">{c.title}</span>
                {i === currentIndex && <span class="chapter-now">Now playing</span>}
                {link && (
                  <a href={link} target="_blank" rel="noopener noreferrer" class="chapter-link">
                    Link<span class="visually-hidden"> for {c.title}</span>
                  </a>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
