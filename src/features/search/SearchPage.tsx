import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Page } from '../../ui/Page';
import { downloads } from '../../state/downloads';
import { ensureSearchIndex, indexStatus, noteLibraryChanged, searchShows, SupersededSearch } from '../../state/search';
import { searchEverything, type CombinedAnswer } from '../../state/search-all';
import { ensureTranscriptIndex, transcriptIndexSize } from '../../state/transcript-index';
import { PeopleResults } from './PeopleResults';
import { DirectorySection } from './DirectorySection';
import { NO_FILTERS, SearchFilters, type FilterValues } from './SearchFilters';
import { SearchResult } from './SearchResult';
import './search.css';

const PAGE_SIZE = 50;
/** Enough to skip the keystrokes of a fast typist; a search itself takes a few milliseconds. */
const TYPING_DELAY_MS = 60;

const count = new Intl.NumberFormat();

/** Library search as you type, with filters, and the directory search for shows not yet followed. */
export function SearchPage() {
  const location = useLocation();
  const [text, setText] = useState(() => location.query.q ?? '');
  const [filters, setFilters] = useState<FilterValues>(NO_FILTERS);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [answer, setAnswer] = useState<(CombinedAnswer & { query: string }) | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const latest = useRef(0);
  const status = indexStatus.value;
  // Downloads only matter to the results when the filter reads them.
  const downloadsKey = filters.downloadedOnly ? downloads.value : null;

  useEffect(() => {
    // First visit loads the index; a later one checks for changes made meanwhile (played marks).
    if (indexStatus.value.phase === 'idle') void ensureSearchIndex();
    else noteLibraryChanged();
    // Loads the stored transcript segments into their worker, so the first query finds what was said.
    void ensureTranscriptIndex().catch(() => undefined);
  }, []);

  useEffect(() => {
    const q = text.trim();
    const id = ++latest.current;
    if (!q) {
      setAnswer(null);
      setFailure(null);
      return;
    }
    const timer = setTimeout(() => {
      searchEverything({ text: q, ...filters, limit }).then(
        (a) => {
          if (id !== latest.current) return;
          setAnswer({ ...a, query: q });
          setFailure(null);
        },
        (err: unknown) => {
          if (id === latest.current && !(err instanceof SupersededSearch)) setFailure(err instanceof Error ? err.message : String(err));
        },
      );
    }, TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters, limit, status.phase, status.documents, downloadsKey, transcriptIndexSize.value]);

  const onInput = (value: string) => {
    setText(value);
    setLimit(PAGE_SIZE);
    // Keep the query in the address, so Back from an episode returns to these results.
    const q = value.trim();
    location.route(q ? `/search?q=${encodeURIComponent(q)}` : '/search', true);
  };

  const q = text.trim();
  return (
    <Page title="Search">
      <form
        role="search"
        class="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked((n) => n + 1);
        }}
      >
        <label for="search-input" class="visually-hidden">
          Search episodes
        </label>
        <input
          id="search-input"
          type="search"
          class="search-input"
          placeholder="Search episodes"
          autoComplete="off"
          spellcheck={false}
          enterKeyHint="search"
          value={text}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      </form>
      <SearchFilters
        value={filters}
        shows={searchShows.value}
        onChange={(f) => {
          setFilters(f);
          setLimit(PAGE_SIZE);
        }}
      />

      <section class="search-section" aria-labelledby="library-heading">
        <h2 id="library-heading">In your library</h2>
        <IndexNotice phase={status.phase} documents={status.documents} message={status.message} />
        <p class="search-count" role="status">
          {/* Says what the list below shows: while the next query runs, that is still the last one's answer. */}
          {q && answer ? countText(answer) : ''}
        </p>
        {failure && (
          <p class="error-text" role="alert">
            Search failed: {failure}
          </p>
        )}
        {!q && status.phase === 'ready' && (
          <p class="muted">
            Titles, show notes and people across {count.format(status.documents)} episodes
            {transcriptIndexSize.value > 0 ? `, and what was said in ${count.format(transcriptIndexSize.value)} stored transcripts` : ''}. Matches appear as you type.
          </p>
        )}
        {q && answer && answer.people.length > 0 && <PeopleResults people={answer.people} />}
        {q && answer && answer.results.length > 0 && (
          <ol class="search-results" aria-label="Matching episodes">
            {answer.results.map((found) => (
              <li key={found.episode.id}>
                <SearchResult found={found} />
              </li>
            ))}
          </ol>
        )}
        {q && answer && answer.total > answer.results.length && (
          <button type="button" class="button search-more" onClick={() => setLimit((n) => n + PAGE_SIZE)}>
            Show more results
          </button>
        )}
      </section>

      <DirectorySection query={text} asked={asked} />
    </Page>
  );
}

/** "3 episodes match “x”", with the similar (typo-forgiving) ones counted apart. */
function countText(answer: CombinedAnswer & { query: string }): string {
  const real = answer.total - answer.similar;
  const similar = answer.similar > 0 ? ` · ${count.format(answer.similar)} similar` : '';
  if (real === 0) return answer.similar > 0 ? `No episodes match “${answer.query}” exactly${similar}` : `No episodes match “${answer.query}”.`;
  return `${count.format(real)} ${real === 1 ? 'episode matches' : 'episodes match'} “${answer.query}”${similar}`;
}

function IndexNotice({ phase, documents, message }: { phase: string; documents: number; message: string | null }) {
  if (phase === 'error') {
    return (
      <p class="error-text" role="alert">
        {message}
      </p>
    );
  }
  if (phase === 'loading' || phase === 'indexing') {
    return <p class="muted search-indexing">{documents > 0 ? `Indexing… ${count.format(documents)} episodes so far` : 'Preparing search…'}</p>;
  }
  return null;
}
