import { useState } from 'preact/hooks';
import { formatClock } from '../../core/time';
import { cueEpisode } from '../../state/player';
import { subscribe } from '../../state/subscribe';
import { httpUrl } from '../episode-page/safe-url';
import { parseEpisodeLink } from '../player/share-link';

/** The feed URL a shared episode link carries: episode ids are `${feedUrl}\u0000${guid}`. */
export function feedOfEpisodeId(episodeId: string): string | null {
  const cut = episodeId.indexOf('\u0000');
  return cut > 0 ? httpUrl(episodeId.slice(0, cut)) : null;
}

/**
 * A shared link to an episode of a show this person does not follow: say so, and subscribe only
 * when they ask (a link must never subscribe anyone by itself). Then the episode opens at the moment.
 */
export function SharedEpisodeOffer({ episodeId }: { episodeId: string }) {
  const [state, setState] = useState<{ kind: 'idle' | 'working' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const feed = feedOfEpisodeId(episodeId);
  const link = parseEpisodeLink(location.pathname, location.hash);
  if (!feed) return <p>This episode is not in your library, and the link does not say which show it belongs to.</p>;
  const host = new URL(feed).hostname;
  const go = async () => {
    setState({ kind: 'working' });
    try {
      await subscribe(feed);
      // The Episode page reloads itself once the library changed; the player goes to the moment.
      if (link) await cueEpisode(link.episodeId, link.seconds).catch(() => undefined);
    } catch (err) {
      setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <div class="shared-offer">
      <p>Someone shared {link ? `a moment (${formatClock(link.seconds)}) of ` : ''}an episode from a show you don't follow yet.</p>
      <p class="muted shared-feed">
        Feed: <span class="shared-feed-url">{feed}</span>
      </p>
      <button type="button" class="button button-primary" disabled={state.kind === 'working'} onClick={() => void go()}>
        {state.kind === 'working' ? 'Subscribing…' : `Subscribe and open`}
      </button>
      <p class="muted">Subscribing fetches the show's feed from {host}.</p>
      {state.kind === 'failed' && (
        <p class="error-text" role="alert">
          Could not subscribe: {state.message}
        </p>
      )}
    </div>
  );
}
