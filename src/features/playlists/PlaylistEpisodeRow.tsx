import { formatDuration } from '../../core/time';
import type { PlaylistItem } from '../../state/playlist-items';
import { Artwork } from '../../ui/Artwork';
import { PlayerIcon } from '../player/PlayerIcon';
import { episodeHref } from '../episode-row/EpisodeRow';
import type { HandleProps } from './use-drag-reorder';
import { AddToPlaylistButton } from './AddToPlaylistButton';

export interface PlaylistEpisodeRowProps {
  item: PlaylistItem;
  index: number;
  count: number;
  playing: boolean;
  onPlay: () => void;
  /** Manual playlists only: reorder and remove. */
  edit: { offset: number; lifted: boolean; handle: HandleProps; onMove: (to: number) => void; onRemove: () => void } | null;
}

/** One episode of a playlist: Play from here, and in a manual playlist drag handle, Move up / down, Remove. */
export function PlaylistEpisodeRow({ item, index, count, playing, onPlay, edit }: PlaylistEpisodeRowProps) {
  const { episode, podcast } = item;
  const title = episode.title || 'Untitled episode';
  const titleId = `playlist-ep-${index}`;
  return (
    <li
      class={`queue-row playlist-row${edit?.lifted ? ' lifted' : ''}${edit ? '' : ' no-handle'}`}
      style={edit?.offset ? { transform: `translateY(${edit.offset}px)` } : undefined}
      aria-labelledby={titleId}
    >
      {edit && (
        <span class="drag-handle" aria-hidden="true" title="Drag to reorder" {...edit.handle}>
          <PlayerIcon name="grip" size={20} />
        </span>
      )}
      <Artwork src={episode.image ?? podcast?.image} title={podcast?.title ?? episode.title} size={48} class="queue-row-artwork" />
      <div class="queue-text">
        <a id={titleId} class="queue-title playlist-row-title" href={episodeHref(episode.id)}>
          {title}
        </a>
        <span class="queue-meta muted">
          {[podcast?.title, episode.duration ? formatDuration(episode.duration) : null, episode.played === 1 ? 'Played' : null, playing ? 'Playing' : null].filter(Boolean).join(' · ')}
        </span>
      </div>
      <div class="queue-actions">
        <button type="button" class="icon-button" aria-label="Play from here" aria-describedby={titleId} disabled={!episode.enclosure} onClick={onPlay}>
          <PlayerIcon name="play" size={20} />
        </button>
        {edit && (
          <>
            <button
              type="button"
              class="icon-button"
              aria-label="Move up"
              aria-describedby={titleId}
              aria-disabled={index === 0 ? 'true' : undefined}
              onClick={() => index > 0 && edit.onMove(index - 1)}
            >
              <PlayerIcon name="up" size={20} />
            </button>
            <button
              type="button"
              class="icon-button"
              aria-label="Move down"
              aria-describedby={titleId}
              aria-disabled={index === count - 1 ? 'true' : undefined}
              onClick={() => index < count - 1 && edit.onMove(index + 1)}
            >
              <PlayerIcon name="down" size={20} />
            </button>
            <button type="button" class="icon-button" aria-label="Remove from playlist" aria-describedby={titleId} onClick={edit.onRemove}>
              <PlayerIcon name="remove" size={20} />
            </button>
          </>
        )}
        {/* Like every episode row: also from here into another playlist. */}
        <AddToPlaylistButton episode={episode} variant="icon" />
      </div>
    </li>
  );
}
