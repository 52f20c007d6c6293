import { effect } from '@preact/signals';
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatClock } from '../../core/time';
import { cueIndexAt, groupCues, transcriptFormat, type Cue, type TranscriptDoc } from '../../core/transcripts';
import type { Transcript } from '../../core/types';
import { loadTranscript, type Loaded } from '../../state/episode-page';
import { currentEpisode, position } from '../../state/player';
import { PlayerIcon } from '../player/PlayerIcon';
import { useShareQuote } from '../share/ShareQuoteButton';
import type { Quote } from '../share/share-quote';
import { ShowNotes } from './ShowNotes';
import './transcript.css';

/** Who is being quoted: the episode and show every line of its transcript shares. */
type Source = Pick<Quote, 'episodeId' | 'episodeTitle' | 'showTitle'>;

const FORMAT_NAMES = { json: 'JSON', vtt: 'WebVTT', srt: 'SRT', html: 'HTML', text: 'text' } as const;

/**
 * The transcript, fetched when first opened (it can be large and most listeners never look).
 * Timed lines are buttons that play from there, each with its own "Share quote"; while this episode
 * plays, its line is marked.
 */
export function TranscriptSection({ source, transcript, onSeek }: { source: Source; transcript: Transcript; onSeek: ((seconds: number) => void) | null }) {
  const { episodeId } = source;
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<Loaded<TranscriptDoc> | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setState(null);
    void loadTranscript(transcript, controller.signal, episodeId, attempt > 0).then((loaded) => !controller.signal.aborted && setState(loaded));
    return () => controller.abort();
  }, [open, transcript.url, attempt]);

  const format = FORMAT_NAMES[transcriptFormat(transcript.type, transcript.url)];
  return (
    <section class="episode-section" aria-labelledby="transcript-heading">
      <details class="transcript" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2 id="transcript-heading">Transcript</h2>
          <span class="muted transcript-format">{format}</span>
        </summary>
        {open && !state && <p class="muted">Loading the transcript…</p>}
        {state && !state.ok && (
          <p class="error-text">
            {state.message}{' '}
            <button type="button" class="button button-small" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          </p>
        )}
        {state?.ok && <TranscriptBody doc={state.value} source={source} baseUrl={transcript.url} onSeek={onSeek} />}
      </details>
    </section>
  );
}

function TranscriptBody({ doc, source, baseUrl, onSeek }: { doc: TranscriptDoc; source: Source; baseUrl: string; onSeek: ((seconds: number) => void) | null }) {
  if (doc.kind === 'html') return <ShowNotes html={doc.html} baseUrl={baseUrl} duration={null} onSeek={onSeek} class="transcript-body show-notes" />;
  if (doc.kind === 'text') {
    return (
      <div class="transcript-body">
        {doc.text.split(/\n\s*\n/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
      </div>
    );
  }
  return <CueList cues={doc.cues} source={source} onSeek={onSeek} />;
}

function CueList({ cues, source, onSeek }: { cues: Cue[]; source: Source; onSeek: ((seconds: number) => void) | null }) {
  const { episodeId } = source;
  const ref = useRef<HTMLDivElement>(null);
  const { status, share } = useShareQuote();
  // Follows the playhead by toggling one attribute: re-rendering thousands of cues four times a second would not do.
  useEffect(() => {
    let marked: Element | null = null;
    return effect(() => {
      const playing = currentEpisode.value?.id === episodeId;
      const index = playing ? cueIndexAt(cues, position.value) : -1;
      const next = index >= 0 ? (ref.current?.querySelector(`[data-cue="${index}"]`) ?? null) : null;
      if (next === marked) return;
      marked?.removeAttribute('aria-current');
      next?.setAttribute('aria-current', 'true');
      marked = next;
    });
  }, [cues, episodeId]);

  let n = 0;
  return (
    <>
      <div class="transcript-body" ref={ref}>
        {groupCues(cues).map((group) => (
          <p key={group.start} class="transcript-para">
            <span class="transcript-when">
              <span class="transcript-time">{formatClock(group.start)}</span>
              {group.speaker && <span class="transcript-speaker">{group.speaker}</span>}
            </span>
            {group.cues.map((cue) => {
              const i = n++;
              const at = formatClock(cue.start);
              return (
                <Fragment key={i}>
                  <span class="cue-line">
                    <button type="button" class="cue" data-cue={i} disabled={!onSeek} aria-label={`Play from ${at}: ${cue.text}`} onClick={() => onSeek?.(cue.start)}>
                      {cue.text}
                    </button>
                    <button
                      type="button"
                      class="cue-share"
                      aria-label={`Share quote from ${at}: ${cue.text}`}
                      onClick={() => void share({ ...source, seconds: cue.start, text: cue.text, speaker: cue.speaker })}
                    >
                      <PlayerIcon name="share" size={16} />
                    </button>
                  </span>{' '}
                </Fragment>
              );
            })}
          </p>
        ))}
      </div>
      <p class="share-status" role="status">
        {status}
      </p>
    </>
  );
}
