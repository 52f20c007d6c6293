import { useState } from 'preact/hooks';
import type { Playlist } from '../../core/playlists/types';
import { formatDuration } from '../../core/time';
import { describeFilter } from '../../core/playlists/smart-filter';
import { podcasts, libraryVersion } from '../../state/library';
import { downloads } from '../../state/downloads';
import { playlistSummary } from '../../state/playlist-items';
import { playPlaylist } from '../../state/playlist-play';
import { PlayerIcon } from '../player/PlayerIcon';
import { useAsync } from './use-async';

export const playlistHref = (id: string) => `/playlists/${encodeURIComponent(id)}`;

/** One playlist in the list: name, what it holds, Play, Move up / Move down (the list's keyboard reorder). */
export function PlaylistCard({ playlist, index, count, onMove }: { playlist: Playlist; index: number; count: number; onMove: (to: number) => void }) {
  const summary = useAsync(() => playlistSummary(playlist), [playlist, libraryVersion.value, playlist.kind === 'smart' ? downloads.value : null]);
  const [error, setError] = useState<string | null>(null);
  const titleId = `playlist-card-${index}`;
  const shows = new Map(podcasts.value.map((p) => [p.id, p.title]));
  const counted =
    summary.kind === 'ready'
      ? `${summary.value.count === 1 ? '1 episode' : `${summary.value.count} episodes`}${summary.value.seconds > 0 ? ` · ${formatDuration(summary.value.seconds)}` : ''}`
      : summary.kind === 'failed'
        ? summary.message
        : '…';
  const empty = summary.kind === 'ready' && summary.value.count === 0;
  return (
    <li class="playlist-card" aria-labelledby={titleId}>
      <div class="playlist-card-text">
        <a id={titleId} class="playlist-card-name" href={playlistHref(playlist.id)}>
          {playlist.name}
        </a>
        <span class="muted playlist-card-meta">
          {playlist.kind === 'smart' && <span class="badge badge-smart">Smart</span>} {counted}
        </span>
        {playlist.kind === 'smart' && <span class="muted playlist-card-filter">{describeFilter(playlist.filter, (id) => shows.get(id))}</span>}
        {error && (
          <span class="error-text" role="alert">
            {error}
          </span>
        )}
      </div>
      <div class="playlist-card-actions">
        <button
          type="button"
          class="icon-button"
          aria-label="Play"
          aria-describedby={titleId}
          disabled={empty}
          onClick={() =>
            void playPlaylist(playlist.id).then(
              () => setError(null),
              (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
            )
          }
        >
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
      </div>
    </li>
  );
}
