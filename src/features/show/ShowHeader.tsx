import { MAX_ITEMS } from '../../core/feed/limits';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Podcast } from '../../core/types';
import { Artwork } from '../../ui/Artwork';
import { timeAgo } from '../library/relative-time';
import { useNow } from '../library/use-now';

/** Artwork, title, author and the description as text (it is shown, never rendered as HTML). */
export function ShowHeader({ podcast, descriptionText, count, children }: { podcast: Podcast; descriptionText: string; count: number; children?: ComponentChildren }) {
  const now = useNow();
  const [expanded, setExpanded] = useState(false);
  const long = descriptionText.length > 220;
  return (
    <header class="show-header">
      <div class="show-header-top">
        <Artwork src={podcast.image} title={podcast.title} size={112} />
        <div class="show-header-text">
          {podcast.author && <p class="muted show-author">{podcast.author}</p>}
          <p class="muted show-stats">
            {count} {count === 1 ? 'episode' : 'episodes'}
            {podcast.lastRefreshAt ? ` · updated ${timeAgo(podcast.lastRefreshAt, now)}` : ''}
          </p>
          {children && <div class="show-header-actions">{children}</div>}
        </div>
      </div>
      {podcast.lastError && (
        <p class="error-text" role="alert">
          Refresh failed: {podcast.lastError}
        </p>
      )}
      {podcast.truncatedFrom ? (
        <p class="muted show-truncated" role="note">
          This feed was truncated: it lists {podcast.truncatedFrom.toLocaleString()} episodes, and only the first {MAX_ITEMS.toLocaleString()} are kept.
        </p>
      ) : null}
      {descriptionText && (
        <div class="show-description">
          <p id="show-description" class={expanded || !long ? '' : 'clamped'}>
            {descriptionText}
          </p>
          {long && (
            <button type="button" class="link-button" aria-expanded={expanded} aria-controls="show-description" onClick={() => setExpanded(!expanded)}>
              {expanded ? 'Less' : 'More'}
            </button>
          )}
        </div>
      )}
    </header>
  );
}
