import { formatClock } from '../../core/time';
import { seekTo } from '../../state/player';
import { chaptersState, currentChapter, listedChapters } from '../../state/player-chapters';

/** The table of contents; the chapter playing now is marked for sight and for screen readers. */
export function ChapterList() {
  const state = chaptersState.value;
  if (state.status === 'none') return null;
  if (state.status === 'loading') return <p class="muted chapters-note">Loading chapters…</p>;
  if (state.status === 'error') return <p class="muted chapters-note">Chapters unavailable: {state.message}</p>;
  const current = currentChapter.value;
  return (
    <section class="chapters" aria-labelledby="player-chapters-heading">
      <h2 id="player-chapters-heading" class="chapters-heading">
        Chapters
      </h2>
      <ol class="player-chapter-list">
        {listedChapters.value.map((c) => {
          const isCurrent = current === c;
          return (
            <li key={c.startTime}>
              <button type="button" class={`chapter${isCurrent ? ' current' : ''}`} aria-current={isCurrent ? 'true' : undefined} onClick={() => seekTo(c.startTime)}>
                <span class="chapter-time">{formatClock(c.startTime)}</span>
                <span class="chapter-title">{c.title}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
