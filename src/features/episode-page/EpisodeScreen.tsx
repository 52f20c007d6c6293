import { useMediaQuery } from '../../ui/use-media-query';
import { ShowPage } from '../show/ShowPage';
import { EpisodePage } from './EpisodePage';

/** Where two panes fit: from this width the show's list stays beside the episode. */
export const TWO_PANES = '(min-width: 1100px)';

function podcastIdOf(rawId: string): string | null {
  try {
    const id = decodeURIComponent(rawId);
    const cut = id.indexOf('\u0000');
    return cut > 0 ? id.slice(0, cut) : null;
  } catch {
    return null;
  }
}

/**
 * The Episode route. On a wide screen it is two panes: the show's episode list (as on its own
 * page, so picking another episode is one click) and the episode; on a phone, the episode alone.
 */
export function EpisodeScreen({ id }: { id: string }) {
  const wide = useMediaQuery(TWO_PANES);
  const podcastId = wide ? podcastIdOf(id) : null;
  if (!podcastId) return <EpisodePage id={id} />;
  return (
    <div class="two-panes">
      <div class="pane pane-list">
        <ShowPage id={encodeURIComponent(podcastId)} />
      </div>
      <div class="pane pane-detail">
        <EpisodePage id={id} />
      </div>
    </div>
  );
}
