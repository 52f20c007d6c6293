import { useRef, useState } from 'preact/hooks';
import type { Playlist } from '../../core/playlists/types';
import type { PlaylistItem } from '../../state/playlist-items';
import { moveInPlaylist, removeFromPlaylist } from '../../state/playlists';
import { PlaylistEpisodeRow } from './PlaylistEpisodeRow';
import { useDragReorder } from './use-drag-reorder';
import '../queue/queue.css';

/**
 * The pressed Remove button is gone with its row: focus moves to the Remove button now at that place
 * (or the row before, when the last went), else to the main region, never to the page's start.
 * Runs after the re-render that dropped the row.
 */
function refocusAfterRemove(list: HTMLOListElement | null, index: number): void {
  requestAnimationFrame(() => {
    const rows = list?.isConnected ? list.children : null;
    const row = rows && rows.length > 0 ? rows[Math.min(index, rows.length - 1)] : null;
    const target = row?.querySelector<HTMLElement>('button[aria-label="Remove from playlist"]') ?? document.getElementById('main');
    target?.focus();
  });
}

/**
 * A playlist's episodes. A manual one reorders like the queue (drag the handle, or Move up / Move
 * down), moves announced for screen readers; a smart one is in its filter's order.
 */
export function PlaylistEpisodes({ playlist, items, playingId, onPlay }: { playlist: Playlist; items: readonly PlaylistItem[]; playingId: string | null; onPlay: (episodeId: string) => void }) {
  const list = useRef<HTMLOListElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const manual = playlist.kind === 'manual';
  const move = async (id: string, to: number) => {
    const item = items.find((i) => i.episode.id === id);
    try {
      await moveInPlaylist(playlist.id, id, to);
      setAnnouncement(`${item?.episode.title ?? 'Episode'} moved to position ${to + 1} of ${items.length}.`);
    } catch (err) {
      setAnnouncement(`Could not move it: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const drag = useDragReorder(list, (id, _from, to) => void move(id, to));
  return (
    <>
      <ol ref={list} class={`queue-list playlist-episodes${drag.dragging ? ' dragging' : ''}`}>
        {items.map((item, index) => (
          <PlaylistEpisodeRow
            key={item.episode.id}
            item={item}
            index={index}
            count={items.length}
            playing={item.episode.id === playingId}
            onPlay={() => onPlay(item.episode.id)}
            edit={
              manual
                ? {
                    offset: drag.offsetFor(item.episode.id, index),
                    lifted: drag.draggedId === item.episode.id,
                    handle: drag.handle(item.episode.id, index),
                    onMove: (to) => void move(item.episode.id, to),
                    onRemove: () =>
                      void removeFromPlaylist(playlist.id, item.episode.id).then(
                        () => {
                          setAnnouncement(`${item.episode.title} removed from ${playlist.name}.`);
                          refocusAfterRemove(list.current, index);
                        },
                        (err: unknown) => setAnnouncement(`Could not remove it: ${err instanceof Error ? err.message : String(err)}`),
                      ),
                  }
                : null
            }
          />
        ))}
      </ol>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );
}
