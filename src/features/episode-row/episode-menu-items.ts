import type { Episode } from '../../core/types';
import { markEpisodePlayed, markOlderPlayed } from '../../state/played';
import type { EpisodeMenuItem } from './EpisodeMenu';

/**
 * The entries of an episode's "⋯" menu, in order. Features add theirs here with one line each
 * (e.g. "Add to playlist…"), so the row and the Episode page stay the same everywhere.
 */
export function episodeMenuItems(episode: Episode): EpisodeMenuItem[] {
  const title = episode.title || 'Untitled episode';
  const played = episode.played === 1;
  return [
    { label: played ? 'Mark unplayed' : 'Mark played', onSelect: () => markEpisodePlayed(episode.id, title, !played) },
    { label: 'Mark older played', onSelect: () => markOlderPlayed(episode.id, true), hidden: episode.published <= 0 },
    { label: 'Mark older unplayed', onSelect: () => markOlderPlayed(episode.id, false), hidden: episode.published <= 0 },
  ];
}
