import type { Podcast } from '../../core/types';
import { Artwork } from '../../ui/Artwork';
import { timeAgo } from './relative-time';

export function showHref(id: string): string {
  return `/show/${encodeURIComponent(id)}`;
}

/** One show in the Library grid: artwork, title, unplayed count, and when it was refreshed or why it failed. */
export function ShowCard({ podcast, unplayed, busy, now }: { podcast: Podcast; unplayed: number | undefined; busy: boolean; now: number }) {
  return (
    <li class={podcast.lastError ? 'show-card has-error' : 'show-card'}>
      <a class="show-card-link" href={showHref(podcast.id)}>
        <div class="show-card-art">
          <Artwork src={podcast.image} title={podcast.title} size={160} class="show-card-artwork" />
          {podcast.newCount > 0 && (
            <span class="badge badge-new show-card-badge" aria-label={`${podcast.newCount} new`}>
              {podcast.newCount} new
            </span>
          )}
        </div>
        <span class="show-card-title">{podcast.title}</span>
      </a>
      <p class="show-card-meta">{unplayed === undefined ? '' : unplayed === 0 ? 'All played' : `${unplayed} unplayed`}</p>
      <p class={podcast.lastError ? 'show-card-status error-text' : 'show-card-status'} role={podcast.lastError ? 'alert' : undefined}>
        {busy ? 'Refreshing…' : podcast.lastError ? `Refresh failed: ${podcast.lastError}` : podcast.lastRefreshAt ? `Updated ${timeAgo(podcast.lastRefreshAt, now)}` : 'Not refreshed yet'}
      </p>
    </li>
  );
}
