import { highlightRanges, snippet } from '../../core/search/highlight';
import type { FoundItem } from '../../state/search-all';
import { EpisodeRow } from '../episode-row/EpisodeRow';
import { Highlighted } from './Highlighted';
import { TranscriptMoments } from './TranscriptMoments';

const SNIPPET_CHARS = 150;

/** One search hit: the shared episode row, its title highlighted, and the part of the notes that matched. */
export function SearchResult({ found }: { found: FoundItem }) {
  const { episode, showTitle, terms } = found;
  const title = episode.title || 'Untitled episode';
  const titleRanges = highlightRanges(title, terms);
  const people = episode.persons.map((p) => p.name).filter((name) => highlightRanges(name, terms).length > 0);
  const notesRanges = highlightRanges(episode.notesText, terms);
  // Notes that did not match still say what the episode is about, unless the title or the transcript said it all.
  const excerpt = notesRanges.length > 0 || (titleRanges.length === 0 && !found.transcript) ? snippet(episode.notesText, notesRanges, SNIPPET_CHARS) : null;
  return (
    <EpisodeRow
      episode={episode}
      showTitle={showTitle}
      titleContent={<Highlighted text={title} ranges={titleRanges} />}
      details={
        <>
          {found.similar && <p class="search-similar">Similar: not an exact match</p>}
          {people.length > 0 && (
            <p class="search-people">
              With{' '}
              {people.map((name, i) => (
                <span key={name}>
                  {i > 0 && ', '}
                  <Highlighted text={name} ranges={highlightRanges(name, terms)} />
                </span>
              ))}
            </p>
          )}
          {excerpt && excerpt.text && (
            <p class="search-snippet">
              {excerpt.cutStart && '… '}
              <Highlighted text={excerpt.text} ranges={excerpt.ranges} />
              {excerpt.cutEnd && ' …'}
            </p>
          )}
          {found.transcript && <TranscriptMoments episode={episode} showTitle={showTitle} found={found.transcript} />}
        </>
      }
    />
  );
}
