import { useState } from 'preact/hooks';
import type { Episode } from '../../core/types';
import { currentEpisode, isPlaying, playEpisode, togglePlay } from '../../state/player';
import { addToQueue } from '../../state/queue';
import { DownloadButton } from '../downloads/DownloadButton';
import { MarkPlayedButton } from '../episode-row/MarkPlayedButton';
import { AddToPlaylistButton } from '../playlists/AddToPlaylistButton';

/** Play (or Pause when this episode is playing) / Add to queue / Download, named like the episode row's. */
export function EpisodeActions({ episode }: { episode: Episode }) {
  const [queued, setQueued] = useState<'idle' | 'added' | 'failed'>('idle');
  const title = episode.title || 'Untitled episode';
  const playingThis = currentEpisode.value?.id === episode.id && isPlaying.value;
  const enqueue = async () => {
    try {
      await addToQueue(episode.id, 'last');
      setQueued('added');
    } catch {
      setQueued('failed');
    }
  };
  return (
    <div class="episode-actions">
      {playingThis ? (
        <button type="button" class="button button-primary play-toggle" aria-label={`Pause ${title}`} onClick={() => void togglePlay()}>
          Pause
        </button>
      ) : (
        <button type="button" class="button button-primary play-toggle" aria-label={`Play ${title}`} disabled={!episode.enclosure} onClick={() => void playEpisode(episode.id)}>
          Play
        </button>
      )}
      <button type="button" class="button" aria-label={`Add to queue ${title}`} onClick={() => void enqueue()}>
        {queued === 'added' ? 'Queued' : 'Add to queue'}
      </button>
      <DownloadButton episode={episode} />
      <MarkPlayedButton episode={episode} />
      <AddToPlaylistButton episode={episode} />
      <span class="visually-hidden" role="status">
        {queued === 'added' ? `${title} added to the queue` : queued === 'failed' ? `Could not add ${title} to the queue` : ''}
      </span>
    </div>
  );
}
