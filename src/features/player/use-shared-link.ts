import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { cueEpisode, currentEpisode, seekTo } from '../../state/player';
import { parseEpisodeLink } from './share-link';

/**
 * Opening `/episode/<id>#t=12:34` puts that episode in the player at 12:34, paused (a page load
 * is no gesture, so browsers would refuse to start the sound anyway).
 */
export function useSharedLink(ready: boolean): void {
  const { url } = useLocation();
  useEffect(() => {
    if (!ready) return;
    let handled = '';
    const check = () => {
      const link = parseEpisodeLink(location.pathname, location.hash);
      const key = `${location.pathname}${location.hash}`;
      if (!link || key === handled) return;
      handled = key;
      if (currentEpisode.value?.id === link.episodeId) seekTo(link.seconds);
      else void cueEpisode(link.episodeId, link.seconds).catch(() => undefined);
    };
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, [url, ready]);
}
