import { useState } from 'preact/hooks';
import { formatClock, formatDuration } from '../../core/time';
import { history, markOlder, markPlayed, type HistoryItem } from '../../state/history';
import { podcasts } from '../../state/library';
import { playEpisode } from '../../state/player';
import { addToQueue } from '../../state/queue';
import { AddToPlaylistButton } from '../playlists/AddToPlaylistButton';

function HistoryRow({ item, index, onDone }: { item: HistoryItem; index: number; onDone: (message: string) => void }) {
  const [more, setMore] = useState(false);
  const { episode, state } = item;
  const title = episode.title || 'Untitled episode';
  const show = podcasts.value.find((p) => p.id === episode.podcastId)?.title;
  const total = state.duration ?? episode.duration;
  const status = state.played ? 'Played' : total ? `${formatDuration(Math.max(0, total - state.position))} left` : `Stopped at ${formatClock(state.position)}`;
  const run = (action: () => Promise<string>) => () => void action().then(onDone, (err: unknown) => onDone(err instanceof Error ? err.message : 'That did not work.'));
  const titleId = `history-title-${index}`;
  return (
    <li class="history-row" aria-labelledby={titleId}>
      <div class="history-text">
        <span id={titleId} class="queue-title">
          {title}
        </span>
        <span class="queue-meta muted">
          {show ? `${show} · ` : ''}
          <span class="history-status">{status}</span>
        </span>
      </div>
      <div class="queue-actions">
        <button type="button" class="button button-small" aria-describedby={titleId} onClick={() => void playEpisode(episode.id)}>
          Play
        </button>
        <button
          type="button"
          class="button button-small"
          aria-describedby={titleId}
          onClick={run(async () => {
            await markPlayed([episode.id], !state.played);
            return `${title} marked ${state.played ? 'unplayed' : 'played'}.`;
          })}
        >
          {state.played ? 'Mark unplayed' : 'Mark played'}
        </button>
        <button type="button" class="button button-small" aria-expanded={more} aria-describedby={titleId} onClick={() => setMore(!more)}>
          More
        </button>
      </div>
      {more && (
        <div class="history-more">
          <button type="button" class="button button-small" onClick={run(async () => (await addToQueue(episode.id, 'next'), `${title} will play next.`))}>
            Play next
          </button>
          <button type="button" class="button button-small" onClick={run(async () => (await addToQueue(episode.id, 'last'), `${title} added to the end of the queue.`))}>
            Play last
          </button>
          <button type="button" class="button button-small" onClick={run(async () => `${await markOlder(episode.id, true)} older episodes marked played.`)}>
            Mark older played
          </button>
          <button type="button" class="button button-small" onClick={run(async () => `${await markOlder(episode.id, false)} older episodes marked unplayed.`)}>
            Mark older unplayed
          </button>
          <AddToPlaylistButton episode={episode} variant="menu" />
        </div>
      )}
    </li>
  );
}

/** Recently played: resume, mark played or unplayed for one episode or every older one of its show. */
export function HistorySection() {
  const [message, setMessage] = useState('');
  const items = history.value;
  return (
    <section class="history" aria-labelledby="history-heading">
      <h2 id="history-heading" class="queue-section-title">
        Recently played
      </h2>
      {items.length === 0 ? (
        <p class="muted">Episodes you play show up here.</p>
      ) : (
        <ol class="history-list">
          {items.map((item, index) => (
            <HistoryRow key={item.state.episodeId} item={item} index={index} onDone={setMessage} />
          ))}
        </ol>
      )}
      <p class="queue-status" role="status">
        {message}
      </p>
    </section>
  );
}
