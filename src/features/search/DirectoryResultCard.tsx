import { useState } from 'preact/hooks';
import type { Podcast } from '../../core/types';
import type { DirectoryResult } from '../../state/directory-search';
import { describeFeedError } from '../../state/errors';
import { podcasts } from '../../state/library';
import { subscribe } from '../../state/subscribe';
import { Artwork } from '../../ui/Artwork';
import './search.css';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; id: string } | { kind: 'failed'; message: string };

const showHref = (id: string) => `/show/${encodeURIComponent(id)}`;

/** A directory hit with its Subscribe button (or a link to the show once it is followed). */
export function DirectoryResultCard({ result, onSubscribed }: { result: DirectoryResult; onSubscribed?: (podcast: Podcast, existed: boolean) => void }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const followed = podcasts.value.find((p) => p.feedUrl === result.feedUrl || p.id === result.feedUrl);
  const title = result.title || result.feedUrl;
  const run = async () => {
    setState({ kind: 'busy' });
    try {
      const { podcast, existed } = await subscribe(result.feedUrl);
      setState({ kind: 'done', id: podcast.id });
      onSubscribed?.(podcast, existed);
    } catch (err) {
      setState({ kind: 'failed', message: describeFeedError(err) });
    }
  };
  const subscribedId = state.kind === 'done' ? state.id : followed?.id;
  return (
    <li class="directory-result">
      <Artwork src={result.image} title={title} size={56} class="directory-result-artwork" />
      <div class="directory-result-text">
        <p class="directory-result-title">{title}</p>
        <p class="directory-result-meta">
          {result.author && <span>{result.author}</span>}
          {result.episodeCount ? <span>{result.episodeCount} episodes</span> : null}
        </p>
        {result.description && <p class="directory-result-description">{result.description}</p>}
        {state.kind === 'failed' && (
          <p class="error-text" role="alert">
            {state.message}
          </p>
        )}
      </div>
      <div class="directory-result-action">
        {subscribedId ? (
          <a class="button button-small" href={showHref(subscribedId)} aria-label={`Subscribed: open ${title}`}>
            Subscribed
          </a>
        ) : (
          <button type="button" class="button button-small button-primary" aria-label={`Subscribe to ${title}`} disabled={state.kind === 'busy'} onClick={() => void run()}>
            {state.kind === 'busy' ? 'Subscribing…' : 'Subscribe'}
          </button>
        )}
      </div>
    </li>
  );
}
