import { useEffect, useState } from 'preact/hooks';
import { pickTranscript } from '../../core/transcripts';
import { formatDuration } from '../../core/time';
import { Page } from '../../ui/Page';
import { loadEpisodeDetails, type EpisodeDetails } from '../../state/episode-page';
import { libraryVersion } from '../../state/library';
import { playEpisode } from '../../state/player';
import { formatEpisodeDate } from '../episode-row/EpisodeRow';
import { Artwork } from '../../ui/Artwork';
import { ChaptersSection } from './ChaptersSection';
import { EpisodeActions } from './EpisodeActions';
import { FundingSection, PeopleSection } from './PeopleSection';
import { httpUrl } from './safe-url';
import { ShowNotes } from './ShowNotes';
import { TranscriptSection } from './TranscriptSection';
import { feedOfEpisodeId, SharedEpisodeOffer } from '../share/SharedEpisodeOffer';
import { EpisodeBookmarks } from '../bookmarks/EpisodeBookmarks';
import './episode.css';

type State = { kind: 'loading' } | { kind: 'missing' } | { kind: 'failed'; message: string } | { kind: 'ready'; details: EpisodeDetails };

function decodeId(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

const showHref = (id: string) => `/show/${encodeURIComponent(id)}`;

/** One episode: artwork and facts, controls, show notes, chapters, transcript, people and funding. */
export function EpisodePage({ id }: { id: string }) {
  const episodeId = decodeId(id);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const version = libraryVersion.value;

  useEffect(() => {
    if (!episodeId) {
      setState({ kind: 'missing' });
      return;
    }
    let live = true;
    loadEpisodeDetails(episodeId).then(
      (details) => live && setState(details ? { kind: 'ready', details } : { kind: 'missing' }),
      (err: unknown) => live && setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [episodeId, version]);

  useEffect(() => {
    if (state.kind === 'ready') document.title = `${state.details.episode.title || 'Episode'} · Hopcast`;
  }, [state]);

  if (state.kind !== 'ready') {
    return (
      <Page title="Episode" back="/">
        {state.kind === 'loading' && <p class="muted">Loading…</p>}
        {state.kind === 'missing' &&
          (episodeId && feedOfEpisodeId(episodeId) ? <SharedEpisodeOffer episodeId={episodeId} /> : <p>This episode is not in your library. It may belong to a show you unsubscribed from.</p>)}
        {state.kind === 'failed' && <p class="error-text">The episode could not be read: {state.message}</p>}
      </Page>
    );
  }

  const { episode, podcast } = state.details;
  const title = episode.title || 'Untitled episode';
  const showTitle = podcast?.title ?? '';
  const date = formatEpisodeDate(episode.published);
  const baseUrl = httpUrl(episode.link) ?? httpUrl(podcast?.link) ?? httpUrl(podcast?.feedUrl) ?? undefined;
  const onSeek = episode.enclosure ? (seconds: number) => void playEpisode(episode.id, seconds) : null;
  const transcript = pickTranscript(episode.transcripts);
  const chaptersUrl = httpUrl(episode.chapters);
  const webPage = httpUrl(episode.link);
  const numbering = [episode.season ? `Season ${episode.season}` : null, episode.episode ? `Episode ${episode.episode}` : null].filter(Boolean).join(', ');

  return (
    <Page title="Episode" back={podcast ? showHref(podcast.id) : '/'}>
      <article class="episode-page" aria-labelledby="episode-title">
        <header class="episode-header">
          <Artwork src={httpUrl(episode.image) ?? httpUrl(podcast?.image)} title={showTitle || title} size={96} />
          <div class="episode-heading">
            <h2 id="episode-title" class="episode-title">
              {title}
            </h2>
            {podcast && (
              <a class="episode-show" href={showHref(podcast.id)}>
                {showTitle}
              </a>
            )}
            <p class="episode-facts">
              {date && <time dateTime={new Date(episode.published).toISOString()}>{date}</time>}
              {episode.duration ? <span>{formatDuration(episode.duration)}</span> : null}
              {numbering && <span>{numbering}</span>}
              {episode.played === 1 && <span class="episode-played">Played</span>}
            </p>
          </div>
        </header>
        <EpisodeActions episode={episode} />
        <section class="episode-section" aria-labelledby="notes-heading">
          <h2 id="notes-heading" class="visually-hidden">
            Show notes
          </h2>
          {episode.description.trim() ? (
            <ShowNotes html={episode.description} {...(baseUrl ? { baseUrl } : {})} duration={episode.duration} onSeek={onSeek} />
          ) : (
            <p class="muted">This episode has no show notes.</p>
          )}
          {webPage && (
            <p>
              <a href={webPage} target="_blank" rel="noopener noreferrer">
                Episode web page
              </a>
            </p>
          )}
        </section>
        <EpisodeBookmarks episodeId={episode.id} />
        {chaptersUrl && <ChaptersSection url={chaptersUrl} episodeId={episode.id} onSeek={onSeek} />}
        {transcript && <TranscriptSection source={{ episodeId: episode.id, episodeTitle: title, showTitle }} transcript={transcript} onSeek={onSeek} />}
        <PeopleSection persons={episode.persons.length > 0 ? episode.persons : (podcast?.persons ?? [])} />
        <FundingSection funding={[...episode.funding, ...(podcast?.funding ?? [])]} />
      </article>
    </Page>
  );
}
