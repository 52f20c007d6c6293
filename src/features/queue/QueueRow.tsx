import type { TargetedPointerEvent } from 'preact';
import { formatDuration } from '../../core/time';
import { playEpisode } from '../../state/player';
import { removeFromQueue } from '../../state/queue';
import type { QueueItem } from '../../state/queue-view';
import { Artwork } from '../../ui/Artwork';
import { PlayerIcon } from '../player/PlayerIcon';
import { AddToPlaylistButton } from '../playlists/AddToPlaylistButton';

type PointerHandler = (e: TargetedPointerEvent<HTMLElement>) => void;

export interface QueueRowProps {
  item: QueueItem;
  index: number;
  count: number;
  /** Vertical offset while a drag is in progress (px). */
  offset: number;
  lifted: boolean;
  onMove: (toIndex: number) => void;
  handle: { onPointerDown: PointerHandler; onPointerMove: PointerHandler; onPointerUp: PointerHandler; onPointerCancel: PointerHandler };
}

/** One queued episode: drag handle, artwork, title, time left, Play / Move up / Move down / Remove. */
// Move buttons at the ends are aria-disabled, not disabled, so focus stays on them after a move.
export function QueueRow({ item, index, count, offset, lifted, onMove, handle }: QueueRowProps) {
  const { episode, podcast, remaining } = item;
  const title = episode.title || 'Untitled episode';
  const titleId = `queue-title-${index}`;
  return (
    <li class={`queue-row${lifted ? ' lifted' : ''}`} style={offset ? { transform: `translateY(${offset}px)` } : undefined} aria-labelledby={titleId}>
      <span class="drag-handle" aria-hidden="true" title="Drag to reorder" {...handle}>
        <PlayerIcon name="grip" size={20} />
      </span>
      <Artwork src={episode.image ?? podcast?.image} title={podcast?.title ?? episode.title} size={48} class="queue-row-artwork" />
      <div class="queue-text">
        <span id={titleId} class="queue-title">
          {title}
        </span>
        <span class="queue-meta muted">
          {podcast?.title ?? ''}
          {podcast?.title && remaining !== null ? ' · ' : ''}
          {remaining !== null ? `${formatDuration(remaining)} left` : ''}
        </span>
      </div>
      <div class="queue-actions">
        <button type="button" class="icon-button" aria-label="Play" aria-describedby={titleId} onClick={() => void playEpisode(episode.id)}>
          <PlayerIcon name="play" size={20} />
        </button>
        <button type="button" class="icon-button" aria-label="Move up" aria-describedby={titleId} aria-disabled={index === 0 ? 'true' : undefined} onClick={() => index > 0 && onMove(index - 1)}>
          <PlayerIcon name="up" size={20} />
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label="Move down"
          aria-describedby={titleId}
          aria-disabled={index === count - 1 ? 'true' : undefined}
          onClick={() => index < count - 1 && onMove(index + 1)}
        >
          <PlayerIcon name="down" size={20} />
        </button>
        <button type="button" class="icon-button" aria-label="Remove from queue" aria-describedby={titleId} onClick={() => void removeFromQueue(episode.id)}>
          <PlayerIcon name="remove" size={20} />
        </button>
        <AddToPlaylistButton episode={episode} variant="icon" />
      </div>
    </li>
  );
}
