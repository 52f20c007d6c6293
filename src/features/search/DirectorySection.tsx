import { useEffect, useRef, useState } from 'preact/hooks';
import { findPodcasts, type DirectoryResult } from '../../state/directory-search';
import { online } from '../../state/online';
import { DirectoryResultCard } from './DirectoryResultCard';

type State = { kind: 'idle' } | { kind: 'busy'; query: string } | { kind: 'done'; query: string; results: DirectoryResult[] } | { kind: 'failed'; query: string; message: string };

/**
 * "Find new podcasts": asks the directories (through the server) only when asked, never per
 * keystroke: each search goes out to Apple and Podcast Index.
 */
export function DirectorySection({ query, asked }: { query: string; asked: number }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const section = useRef<HTMLElement>(null);
  const isOnline = online.value;
  const q = query.trim();

  const run = async () => {
    if (!q || !online.value) return;
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    setState({ kind: 'busy', query: q });
    const answer = await findPodcasts(q, mine.signal);
    if (mine.signal.aborted) return;
    setState(answer.ok ? { kind: 'done', query: q, results: answer.results } : { kind: 'failed', query: q, message: answer.message });
  };

  // The search form's submit (Enter) asks the directories too.
  useEffect(() => {
    if (asked === 0) return;
    void run();
    // Below a long list of library results the answer would be out of sight.
    section.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [asked]);
  useEffect(() => () => controller.current?.abort(), []);

  return (
    <section ref={section} class="search-section directory-section" aria-labelledby="directory-heading">
      <h2 id="directory-heading">Find new podcasts</h2>
      {!isOnline ? (
        <p class="muted" role="status">
          Directory search needs a network connection. Searching your library works offline.
        </p>
      ) : q ? (
        <button type="button" class="button" disabled={state.kind === 'busy'} onClick={() => void run()}>
          Search directories for “{q}”
        </button>
      ) : (
        <p class="muted">Type a show's name above and press Enter to look it up in podcast directories.</p>
      )}
      <div aria-live="polite">
        {state.kind === 'busy' && <p class="muted">Searching directories…</p>}
        {state.kind === 'failed' && (
          <p class="error-text" role="alert">
            Directory search failed: {state.message}
          </p>
        )}
        {state.kind === 'done' && state.results.length === 0 && <p class="muted">No podcasts found for “{state.query}”.</p>}
      </div>
      {state.kind === 'done' && state.results.length > 0 && (
        <ul class="directory-results" aria-label={`Podcasts found for ${state.query}`}>
          {state.results.map((r) => (
            <DirectoryResultCard key={r.feedUrl} result={r} />
          ))}
        </ul>
      )}
    </section>
  );
}
