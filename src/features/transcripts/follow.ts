/**
 * Keeps the playing line in view inside a scrolling box without fighting the reader: any scroll
 * the reader makes (wheel, touch, keys, scrollbar drag) pauses following for a while; following
 * resumes after that or when they ask ("Back to now").
 */
export const PAUSE_AFTER_USER_SCROLL_MS = 6000;

export interface Follower {
  /** Bring `el` into view unless the reader scrolled recently. */
  show(el: HTMLElement, force?: boolean): void;
  paused(): boolean;
  resume(): void;
  stop(): void;
}

export function followIn(box: HTMLElement, onPausedChange: (paused: boolean) => void): Follower {
  // Never scrolled: -Infinity, since performance.now() itself starts near 0 when the page loads.
  let userAt = -Infinity;
  let wasPaused = false;
  const mark = () => {
    userAt = performance.now();
    if (!wasPaused) {
      wasPaused = true;
      onPausedChange(true);
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' '].includes(e.key)) mark();
  };
  // A press on the box itself (not a line) is a scrollbar drag.
  const onPointer = (e: PointerEvent) => {
    if (e.target === box) mark();
  };
  box.addEventListener('wheel', mark, { passive: true });
  box.addEventListener('touchmove', mark, { passive: true });
  box.addEventListener('keydown', onKey);
  box.addEventListener('pointerdown', onPointer);
  const paused = () => performance.now() - userAt < PAUSE_AFTER_USER_SCROLL_MS;
  return {
    show(el, force = false) {
      if (!force && paused()) return;
      if (wasPaused) {
        wasPaused = false;
        onPausedChange(false);
      }
      const top = el.offsetTop - box.offsetTop - box.clientHeight / 3;
      box.scrollTo({ top: Math.max(0, top), behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    },
    paused,
    resume() {
      userAt = -Infinity;
    },
    stop() {
      box.removeEventListener('wheel', mark);
      box.removeEventListener('touchmove', mark);
      box.removeEventListener('keydown', onKey);
      box.removeEventListener('pointerdown', onPointer);
    },
  };
}
