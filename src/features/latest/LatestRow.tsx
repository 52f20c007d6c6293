import type { Episode, Podcast } from '../../core/types';
import { parseEpisodeCode } from '../../core/episodes/episode-code';
import { Artwork } from '../../ui/Artwork';
import { EpisodeRow } from '../episode-row/EpisodeRow';

/** The title without its leading code: the row's badge already shows `HN806`. */
function titleWithoutCode(title: string): string {
  if (!parseEpisodeCode(title)) return title;
  const rest = title.replace(/^\s*(?:\[[^\]]*\]|Day Two Cloud\s+\d+|[A-Za-z0-9]+[ -]?\d+)\s*(?::|[-–—|])?\s*/i, '');
  return rest || title;
}

/** One episode of the timeline: the show's artwork beside the one episode row (naming the show unless filtered to it). */
export function LatestRow({ episode, podcast, named = true }: { episode: Episode; podcast: Podcast | undefined; named?: boolean }) {
  const showTitle = podcast?.title ?? 'Unknown show';
  return (
    <li class="latest-row">
      <a class="latest-row-art" href={`/show/${encodeURIComponent(episode.podcastId)}`} tabIndex={-1} aria-hidden="true">
        <Artwork src={episode.image ?? podcast?.image ?? null} title={showTitle} size={48} />
      </a>
      <EpisodeRow episode={episode} {...(named ? { showTitle } : {})} titleContent={titleWithoutCode(episode.title || 'Untitled episode')} />
    </li>
  );
}
