import { useState } from 'preact/hooks';
import type { RefObject, TargetedPointerEvent } from 'preact';
import { dropIndex } from '../queue/QueueList';

interface Drag {
  id: string;
  from: number;
  to: number;
  dy: number;
  startY: number;
  mids: number[];
  height: number;
}

type PointerHandler = (e: TargetedPointerEvent<HTMLElement>) => void;
export interface HandleProps {
  onPointerDown: PointerHandler;
  onPointerMove: PointerHandler;
  onPointerUp: PointerHandler;
  onPointerCancel: PointerHandler;
}

/**
 * The queue's drag-to-reorder (pointer events on a handle: mouse, touch and pen alike) for any list
 * of rows; the same drop rule (`dropIndex`) so both lists feel the same.
 */
export function useDragReorder(list: RefObject<HTMLElement | null>, onDrop: (id: string, from: number, to: number) => void) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const handle = (id: string, index: number): HandleProps => ({
    onPointerDown: (e) => {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      e.preventDefault();
      e.currentTarget.setPointerCapture(e.pointerId);
      const rects = ([...(list.current?.children ?? [])] as HTMLElement[]).map((r) => r.getBoundingClientRect());
      setDrag({ id, from: index, to: index, dy: 0, startY: e.clientY, mids: rects.map((r) => r.top + r.height / 2), height: rects[index]?.height ?? 0 });
    },
    onPointerMove: (e) => {
      if (!drag) return;
      const dy = e.clientY - drag.startY;
      setDrag({ ...drag, dy, to: dropIndex(drag.mids, drag.from, dy) });
    },
    onPointerUp: () => {
      if (!drag) return;
      setDrag(null);
      if (drag.to !== drag.from) onDrop(drag.id, drag.from, drag.to);
    },
    onPointerCancel: () => setDrag(null),
  });
  /** How far row `index` is shifted: the dragged row follows the pointer, rows it passes slide aside. */
  const offsetFor = (id: string, index: number): number => {
    if (!drag) return 0;
    if (drag.id === id) return drag.dy;
    if (drag.from < drag.to && index > drag.from && index <= drag.to) return -drag.height;
    if (drag.from > drag.to && index < drag.from && index >= drag.to) return drag.height;
    return 0;
  };
  return { dragging: drag !== null, draggedId: drag?.id ?? null, handle, offsetFor };
}
