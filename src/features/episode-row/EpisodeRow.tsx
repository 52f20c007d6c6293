import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Episode } from '../../core/types';
import { formatDuration } from '../../core/time';
import { playEpisode } from '../../state/player';
import { addToQueue } from '../../state/queue';
import { DownloadButton } from '../downloads/DownloadButton';
import { EpisodeMenu } from './EpisodeMenu';
import { episodeMenuItems } from './episode-menu-items';
import { EpisodeCodeBadge } from './EpisodeCodeBadge';
import { AddToPlaylistButton } from '../playlists/AddToPlaylistButton';
import { episodeRowHeightStyle } from './row-height';
import './episode-row.css';

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function formatEpisodeDate(published: number): string | null {
  return published > 0 ? dateFormat.format(published) : null;
}

export function episodeHref(id: string): string {
  return `/episode/${encodeURIComponent(id)}`;
}

export interface EpisodeRowProps {
  episode: Episode;
  isNew?: boolean;
  /** The show's title, for lists that mix shows (search, history). */
  showTitle?: string;
  /** Replaces the plain title inside the link (search highlights the matched words). */
  titleContent?: ComponentChildren;
  /** Shown under the meta line (search shows the matching part of the notes). */
  details?: ComponentChildren;
}

/**
 * The one episode row (Show page, Search results, History): title linking to the episode page,
 * date, duration, played state, new badge, and Play / Play next / Add to queue / Download.
 * Short visible labels keep the four controls on one line at 320 px; the accessible names say it in full.
 */
export function EpisodeRow({ episode, isNew = false, showTitle, titleContent, details }: EpisodeRowProps) {
  const [queued, setQueued] = useState<'idle' | 'next' | 'last' | 'failed'>('idle');
  const title = episode.title || 'Untitled episode';
  const date = formatEpisodeDate(episode.published);
  const played = episode.played === 1;
  const enqueue = async (where: 'next' | 'last') => {
    try {
      await addToQueue(episode.id, where);
      setQueued(where);
    } catch {
      setQueued('failed');
    }
  };
  return (
    <article class={played ? 'episode-row played' : 'episode-row'} aria-label={title} style={episodeRowHeightStyle}>
      <div class="episode-row-text">
        <a class="episode-row-title" href={episodeHref(episode.id)}>
          {titleContent ?? title}
        </a>
        <p class="episode-row-meta">
          <EpisodeCodeBadge title={title} />
          {showTitle && <span class="episode-row-show">{showTitle}</span>}
          {date && <time dateTime={new Date(episode.published).toISOString()}>{date}</time>}
          {episode.duration ? <span>{formatDuration(episode.duration)}</span> : null}
          {played && <span class="episode-row-played">Played</span>}
          {isNew && <span class="badge badge-new">New</span>}
        </p>
        {details}
      </div>
      <div class="episode-row-actions">
        <button type="button" class="button button-small button-primary" aria-label={`Play ${title}`} disabled={!episode.enclosure} onClick={() => void playEpisode(episode.id)}>
          Play
        </button>
        <button type="button" class="button button-small" aria-label={`Play next ${title}`} onClick={() => void enqueue('next')}>
          {queued === 'next' && <span aria-hidden="true">✓ </span>}
          Next
        </button>
        <button type="button" class="button button-small" aria-label={`Add to queue ${title}`} onClick={() => void enqueue('last')}>
          {queued === 'last' && <span aria-hidden="true">✓ </span>}
          Queue
        </button>
        <DownloadButton episode={episode} />
        <AddToPlaylistButton episode={episode} variant="row" />
        <EpisodeMenu title={title} items={episodeMenuItems(episode)} />
        <span class="visually-hidden" role="status">
          {queued === 'next' ? `${title} plays next` : queued === 'last' ? `${title} added to the queue` : queued === 'failed' ? `Could not add ${title} to the queue` : ''}
        </span>
      </div>
    </article>
  );
}
