import { useRef, useState } from 'preact/hooks';
import type { TargetedPointerEvent } from 'preact';
import { moveInQueue } from '../../state/queue';
import type { QueueItem } from '../../state/queue-view';
import { QueueRow } from './QueueRow';

interface Drag {
  id: string;
  from: number;
  to: number;
  dy: number;
  startY: number;
  /** Row midpoints and the dragged row's height, measured once at the start. */
  mids: number[];
  height: number;
}

/** Where a row whose centre moved by `dy` lands among the other rows' centres. */
export function dropIndex(mids: readonly number[], from: number, dy: number): number {
  const centre = mids[from] + dy;
  let to = from;
  while (to < mids.length - 1 && centre > mids[to + 1]) to++;
  while (to > 0 && centre < mids[to - 1]) to--;
  return to;
}

/**
 * The queue, reorderable by dragging a row's handle (pointer events, so mouse, touch and pen alike)
 * and by each row's Move up / Move down buttons. Moves are announced for screen readers.
 */
export function QueueList({ items }: { items: readonly QueueItem[] }) {
  const list = useRef<HTMLOListElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const move = async (id: string, to: number, title: string) => {
    await moveInQueue(id, to);
    setAnnouncement(`${title} moved to position ${to + 1} of ${items.length}.`);
  };

  const onHandleDown = (e: TargetedPointerEvent<HTMLElement>, id: string, index: number) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const rows = [...(list.current?.children ?? [])] as HTMLElement[];
    const rects = rows.map((r) => r.getBoundingClientRect());
    setDrag({ id, from: index, to: index, dy: 0, startY: e.clientY, mids: rects.map((r) => r.top + r.height / 2), height: rects[index]?.height ?? 0 });
  };
  const onHandleMove = (e: TargetedPointerEvent<HTMLElement>) => {
    if (!drag) return;
    const dy = e.clientY - drag.startY;
    setDrag({ ...drag, dy, to: dropIndex(drag.mids, drag.from, dy) });
  };
  const onHandleUp = () => {
    if (!drag) return;
    const { id, from, to } = drag;
    setDrag(null);
    const item = items[from];
    if (to !== from && item) void move(id, to, item.episode.title);
  };

  /** Rows between the dragged row's origin and its drop slot slide out of its way. */
  const shiftFor = (index: number): number => {
    if (!drag || index === drag.from) return 0;
    if (drag.from < drag.to && index > drag.from && index <= drag.to) return -drag.height;
    if (drag.from > drag.to && index < drag.from && index >= drag.to) return drag.height;
    return 0;
  };

  return (
    <>
      <ol ref={list} class={`queue-list${drag ? ' dragging' : ''}`}>
        {items.map((item, index) => (
          <QueueRow
            key={item.episode.id}
            item={item}
            index={index}
            count={items.length}
            offset={drag?.id === item.episode.id ? drag.dy : shiftFor(index)}
            lifted={drag?.id === item.episode.id}
            onMove={(to) => void move(item.episode.id, to, item.episode.title)}
            handle={{
              onPointerDown: (e) => onHandleDown(e, item.episode.id, index),
              onPointerMove: onHandleMove,
              onPointerUp: onHandleUp,
              onPointerCancel: () => setDrag(null),
            }}
          />
        ))}
      </ol>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );
}
