import { useEffect, useState } from 'preact/hooks';

/** How far (px) the page must be pulled down past its top before letting go refreshes. */
export const PULL_THRESHOLD = 72;

/**
 * Pull-to-refresh on touch screens: dragging down while the page is scrolled to the top.
 * Returns the current pull distance for the indicator. Listeners are passive, so scrolling is
 * never held up; the body's `overscroll-behavior-y: contain` keeps the browser's own from firing.
 */
export function usePullToRefresh(onRefresh: () => void, enabled = true): number {
  const [pull, setPull] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let startY: number | null = null;
    let distance = 0;
    const start = (e: TouchEvent) => {
      startY = window.scrollY <= 0 && e.touches.length === 1 ? e.touches[0].clientY : null;
      distance = 0;
    };
    const move = (e: TouchEvent) => {
      if (startY === null) return;
      // Resistance: the indicator moves at half the finger's speed, up to a limit.
      distance = Math.max(0, Math.min(140, (e.touches[0].clientY - startY) / 2));
      setPull(distance);
    };
    const end = () => {
      if (startY !== null && distance >= PULL_THRESHOLD) onRefresh();
      startY = null;
      distance = 0;
      setPull(0);
    };
    window.addEventListener('touchstart', start, { passive: true });
    window.addEventListener('touchmove', move, { passive: true });
    window.addEventListener('touchend', end, { passive: true });
    window.addEventListener('touchcancel', end, { passive: true });
    return () => {
      window.removeEventListener('touchstart', start);
      window.removeEventListener('touchmove', move);
      window.removeEventListener('touchend', end);
      window.removeEventListener('touchcancel', end);
    };
  }, [onRefresh, enabled]);
  return pull;
}
