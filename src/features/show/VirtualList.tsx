import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Rows drawn beyond the visible ones, above and below, so fast scrolling never shows a gap. */
const OVERSCAN = 6;

/**
 * A list that renders only the rows near the viewport. Rows have one fixed height, so the
 * window is plain arithmetic and the page keeps its own scrolling (no inner scroll box: the
 * header scrolls away and the browser's find, scroll restoration and pull-to-refresh still work).
 */
export function VirtualList<T>({
  items,
  rowHeight,
  renderRow,
  getKey,
  label,
}: {
  items: readonly T[];
  rowHeight: number;
  renderRow: (item: T, index: number) => ComponentChildren;
  getKey: (item: T) => string;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState<[number, number]>([0, Math.min(items.length, 12)]);

  useLayoutEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top;
      const first = Math.max(0, Math.floor(-top / rowHeight) - OVERSCAN);
      const last = Math.min(items.length, Math.ceil((window.innerHeight - top) / rowHeight) + OVERSCAN);
      setRange((prev) => (prev[0] === first && prev[1] === last ? prev : [first, Math.max(first, last)]));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [items, rowHeight]);

  // Keyboard users tab through the drawn rows; keep the focused one in the window as it moves.
  // Keyboard focus only: a mouse press focuses its button on mousedown, and scrolling then (a row
  // partly under the player dock is inside the scroll padding) moves the button from under the
  // pointer before the release, so the click lands on the row and is lost.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onFocus = (e: FocusEvent) => {
      const target = e.target as HTMLElement;
      if (!target.matches(':focus-visible')) return;
      const row = target.closest<HTMLElement>('[data-index]');
      if (row) row.scrollIntoView({ block: 'nearest' });
    };
    el.addEventListener('focusin', onFocus);
    return () => el.removeEventListener('focusin', onFocus);
  }, []);

  const [first, last] = range;
  const rows = [];
  for (let i = first; i < last && i < items.length; i++) {
    const item = items[i];
    rows.push(
      <div
        key={getKey(item)}
        role="listitem"
        aria-setsize={items.length}
        aria-posinset={i + 1}
        data-index={i}
        class="virtual-row"
        style={{ transform: `translateY(${i * rowHeight}px)`, height: `${rowHeight}px` }}
      >
        {renderRow(item, i)}
      </div>,
    );
  }
  return (
    <div ref={ref} role="list" aria-label={label} class="virtual-list" style={{ height: `${items.length * rowHeight}px` }}>
      {rows}
    </div>
  );
}
