import { effect } from '@preact/signals';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatClock } from '../../core/time';
import { cueIndexAt, groupCues, type Cue } from '../../core/transcripts';
import { currentEpisode, currentPodcast, position, seekTo } from '../../state/player';
import { playerTranscript, retryPlayerTranscript, startPlayerTranscript } from '../../state/player-transcript';
import { ShareQuoteButton } from '../share/ShareQuoteButton';
import { copyText } from '../share/share-quote';
import { followIn, type Follower } from './follow';
import './follow-along.css';

/** The player's transcript: the line being said is marked and kept in view; tap a line to go there. */
export function FollowAlong() {
  useEffect(() => startPlayerTranscript(), []);
  const state = playerTranscript.value;
  if (state.status === 'none') return null;
  return (
    <section class="follow" aria-labelledby="follow-heading">
      <h2 id="follow-heading" class="follow-heading">
        Transcript
      </h2>
      {state.status === 'loading' && <p class="muted">Loading the transcript…</p>}
      {state.status === 'untimed' && <p class="muted">This transcript has no times to follow along; it is on the Episode page.</p>}
      {state.status === 'error' && (
        <p class="error-text">
          {state.message}{' '}
          <button type="button" class="button button-small" onClick={retryPlayerTranscript}>
            Try again
          </button>
        </p>
      )}
      {state.status === 'ready' && <CueView cues={state.cues} />}
    </section>
  );
}

function selectedIn(box: HTMLElement | null): string {
  const sel = getSelection();
  if (!box || !sel || sel.isCollapsed || !box.contains(sel.anchorNode) || !box.contains(sel.focusNode)) return '';
  return sel.toString().replace(/\s+/g, ' ').trim();
}

function CueView({ cues }: { cues: Cue[] }) {
  const box = useRef<HTMLDivElement>(null);
  const follower = useRef<Follower | null>(null);
  const [current, setCurrent] = useState(-1);
  const [paused, setPaused] = useState(false);
  const [copied, setCopied] = useState('');
  const groups = useMemo(() => groupCues(cues), [cues]);

  useEffect(() => {
    const f = followIn(box.current!, setPaused);
    follower.current = f;
    let marked: Element | null = null;
    // Toggles one attribute per change: re-rendering every line four times a second would not do.
    const stop = effect(() => {
      const index = cueIndexAt(cues, position.value);
      const el = index >= 0 ? box.current?.querySelector<HTMLElement>(`[data-cue="${index}"]`) : null;
      if ((el ?? null) === marked) return;
      marked?.removeAttribute('aria-current');
      el?.setAttribute('aria-current', 'true');
      marked = el ?? null;
      if (el) f.show(el);
      setCurrent(index);
    });
    return () => {
      stop();
      f.stop();
    };
  }, [cues]);

  const ep = currentEpisode.value;
  const live = current >= 0 ? cues[current] : undefined;
  const group = live ? groups.find((g) => g.cues.includes(live)) : undefined;

  const copyPassage = async () => {
    const picked = selectedIn(box.current);
    const text = picked || group?.cues.map((c) => c.text).join(' ') || '';
    if (!text) return;
    try {
      await copyText(text);
      setCopied(picked ? 'Selection copied.' : 'Passage copied.');
    } catch {
      setCopied('Could not copy.');
    }
  };

  let n = 0;
  return (
    <>
      <div class="follow-tools">
        <button type="button" class="button button-small" onClick={() => void copyPassage()}>
          Copy passage
        </button>
        {ep && live && (
          <ShareQuoteButton quote={{ episodeId: ep.id, episodeTitle: ep.title, showTitle: currentPodcast.value?.title ?? '', seconds: live.start, text: live.text, speaker: live.speaker }} />
        )}
        {paused && (
          <button
            type="button"
            class="button button-small"
            onClick={() => {
              follower.current?.resume();
              const el = box.current?.querySelector<HTMLElement>('[aria-current="true"]');
              if (el) follower.current?.show(el, true);
            }}
          >
            Back to now
          </button>
        )}
        <span class="follow-status" role="status">
          {copied}
        </span>
      </div>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take keyboard focus to be scrolled (axe scrollable-region-focusable) */}
      <div class="follow-box" ref={box} tabIndex={0} aria-label="Transcript lines">
        {groups.map((g) => (
          <p key={g.start} class="follow-para">
            <span class="follow-when">
              <span class="follow-time">{formatClock(g.start)}</span>
              {g.speaker && <span class="follow-speaker">{g.speaker}</span>}
            </span>
            {g.cues.map((cue) => {
              const i = n++;
              return (
                <button key={i} type="button" class="follow-cue" data-cue={i} aria-label={`Play from ${formatClock(cue.start)}: ${cue.text}`} onClick={() => seekTo(cue.start)}>
                  {cue.text}{' '}
                </button>
              );
            })}
          </p>
        ))}
      </div>
    </>
  );
}
