import { useRef, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent, TargetedPointerEvent } from 'preact';
import { formatClock, formatRemaining } from '../../core/time';
import { buffered, duration, playbackRate, position, seekTo } from '../../state/player';
import type { Chapter } from '../../core/chapters';

/** Arrow keys move this far; Page Up/Down a minute. */
const KEY_STEP_S = 5;
const PAGE_STEP_S = 60;

/**
 * The seek slider: buffered ranges behind the played part, chapter ticks, elapsed and remaining
 * time. Dragging (mouse, touch, pen through pointer events) previews the time and seeks on release,
 * so the audio is not reloaded at every pixel.
 */
export function SeekBar({ chapters = [] }: { chapters?: readonly Chapter[] }) {
  const track = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<number | null>(null);
  const total = duration.value;
  const now = drag ?? Math.min(position.value, total || position.value);
  const pct = (t: number) => (total > 0 ? `${Math.max(0, Math.min(100, (t / total) * 100))}%` : '0%');

  const timeAt = (clientX: number): number => {
    const rect = track.current!.getBoundingClientRect();
    return Math.max(0, Math.min(1, (clientX - rect.left) / rect.width)) * total;
  };

  const onPointerDown = (e: TargetedPointerEvent<HTMLDivElement>) => {
    if (total <= 0 || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag(timeAt(e.clientX));
  };
  const onPointerMove = (e: TargetedPointerEvent<HTMLDivElement>) => {
    if (drag !== null) setDrag(timeAt(e.clientX));
  };
  const onPointerUp = (e: TargetedPointerEvent<HTMLDivElement>) => {
    if (drag === null) return;
    seekTo(timeAt(e.clientX));
    setDrag(null);
  };
  const onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: -KEY_STEP_S,
      ArrowDown: -KEY_STEP_S,
      ArrowRight: KEY_STEP_S,
      ArrowUp: KEY_STEP_S,
      PageDown: -PAGE_STEP_S,
      PageUp: PAGE_STEP_S,
    };
    let to: number | null = null;
    if (e.key in moves && !e.shiftKey) to = position.value + moves[e.key];
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End' && total > 0) to = total - 1;
    if (to === null) return;
    e.preventDefault();
    // The app-wide arrow shortcuts must not also skip.
    e.stopPropagation();
    seekTo(to);
  };

  const valueText = total > 0 ? `${formatClock(now)} of ${formatClock(total)}` : formatClock(now);
  return (
    <div class="seek">
      <div
        ref={track}
        class={`seek-track${drag !== null ? ' dragging' : ''}`}
        role="slider"
        tabIndex={0}
        aria-label="Seek"
        aria-valuemin={0}
        aria-valuemax={Math.round(total)}
        aria-valuenow={Math.round(now)}
        aria-valuetext={valueText}
        aria-disabled={total <= 0 ? 'true' : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
        onKeyDown={onKeyDown}
      >
        <div class="seek-rail">
          {buffered.value.map(([start, end]) => (
            <div key={start} class="seek-buffered" style={{ left: pct(start), width: `calc(${pct(end)} - ${pct(start)})` }} />
          ))}
          <div class="seek-played" style={{ width: pct(now) }} />
          {chapters.map((c) => (c.startTime > 0 && !c.hidden ? <div key={c.startTime} class="seek-tick" style={{ left: pct(c.startTime) }} /> : null))}
        </div>
        <div class="seek-thumb" style={{ left: pct(now) }} />
      </div>
      <div class="seek-times" aria-hidden="true">
        <span>{formatClock(now)}</span>
        <span>{total > 0 ? formatRemaining(now, total, playbackRate.value) : '--:--'}</span>
      </div>
    </div>
  );
}
