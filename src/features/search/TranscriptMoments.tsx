import { useState } from 'preact/hooks';
import { highlightRanges, snippet } from '../../core/search/highlight';
import { formatClock } from '../../core/time';
import type { Episode } from '../../core/types';
import { playMoment, queueMoment } from '../../state/moments';
import type { FoundMoments, Moment } from '../../state/search-all';
import { episodeHref } from '../episode-row/EpisodeRow';
import { ShareQuoteButton } from '../share/ShareQuoteButton';
import { Highlighted } from './Highlighted';

const LINE_CHARS = 180;

/** Where a search matched what was said: each moment plays from its line; a second control queues it from there. */
export function TranscriptMoments({ episode, showTitle, found }: { episode: Episode; showTitle: string; found: FoundMoments }) {
  const more = found.count - found.moments.length;
  return (
    <div class="moments">
      <p class="moments-label">
        <span class="badge badge-transcript">In transcript</span>
        {found.count === 1 ? '1 moment' : `${found.count} moments`}
      </p>
      <ul class="moment-list">
        {found.moments.map((m) => (
          <li key={`${m.chapter ? 'c' : 'l'}${m.start}-${m.text.slice(0, 20)}`}>
            <MomentRow episode={episode} showTitle={showTitle} moment={m} terms={found.terms} />
          </li>
        ))}
      </ul>
      {more > 0 && (
        <a class="moments-more" href={episodeHref(episode.id)}>
          {more} more in this episode
        </a>
      )}
    </div>
  );
}

function MomentRow({ episode, showTitle, moment, terms }: { episode: Episode; showTitle: string; moment: Moment; terms: string[] }) {
  const [queued, setQueued] = useState('');
  const title = episode.title || 'Untitled episode';
  const cut = snippet(moment.text, highlightRanges(moment.text, terms), LINE_CHARS);
  const timed = moment.start >= 0;
  const at = formatClock(Math.max(0, moment.start));
  const line = (
    <span class="moment-text">
      {moment.chapter && <span class="moment-kind">Chapter: </span>}
      {cut.cutStart && '… '}
      <Highlighted text={cut.text} ranges={cut.ranges} />
      {cut.cutEnd && ' …'}
      {moment.speaker && <span class="moment-speaker"> — {moment.speaker}</span>}
    </span>
  );
  if (!timed) {
    return (
      <a class="moment moment-untimed" href={episodeHref(episode.id)}>
        {line}
      </a>
    );
  }
  const queue = async () => {
    try {
      await queueMoment(episode.id, moment.start);
      setQueued(`${title} queued from ${at}`);
    } catch {
      setQueued(`Could not queue ${title}`);
    }
  };
  return (
    <div class="moment">
      <button type="button" class="moment-play" disabled={!episode.enclosure} aria-label={`Play ${title} from ${at}: ${moment.text}`} onClick={() => void playMoment(episode.id, moment.start)}>
        <span class="moment-time">{at}</span>
        {line}
      </button>
      <div class="moment-actions">
        <button type="button" class="button button-small" aria-label={`Queue ${title} from ${at}`} onClick={() => void queue()}>
          {queued && !queued.startsWith('Could') && <span aria-hidden="true">✓ </span>}
          Queue from {at}
        </button>
        <ShareQuoteButton quote={{ episodeId: episode.id, episodeTitle: title, showTitle, seconds: moment.start, text: moment.text, speaker: moment.speaker }} />
        <span class="visually-hidden" role="status">
          {queued}
        </span>
      </div>
    </div>
  );
}
