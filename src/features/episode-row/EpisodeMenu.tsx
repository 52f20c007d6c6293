import { createPortal } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import './episode-menu.css';

export interface EpisodeMenuItem {
  label: string;
  onSelect(): void | Promise<void>;
  /** Hidden items are left out (e.g. "Mark older played" where there is no show context). */
  hidden?: boolean;
}

/**
 * The "⋯" overflow menu of an episode (row, Episode page). Takes a list of items so any feature
 * adds its entry with one line. The popup is portalled to <body>: rows live in a transformed,
 * contained virtual list that would clip it. Menu-button keyboard pattern: arrows move, Escape
 * closes and returns focus to the button, Tab closes.
 */
export function EpisodeMenu({ title, items }: { title: string; items: EpisodeMenuItem[] }) {
  const [open, setOpen] = useState(false);
  const [pos, setPos] = useState<{ top: number; right: number; up: boolean } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const shown = items.filter((i) => !i.hidden);

  const place = () => {
    if (!button.current) return;
    const r = button.current.getBoundingClientRect();
    // Open upwards in the lower half, so the menu never goes under the player and navigation.
    const up = r.top > window.innerHeight / 2;
    setPos({ top: up ? r.top - 4 : r.bottom + 4, right: Math.max(8, window.innerWidth - r.right), up });
  };
  useLayoutEffect(() => {
    if (open) place();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true });
  }, [open, pos === null]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) {
        setOpen(false);
        setPos(null);
      }
    };
    // The menu is fixed to the viewport: it follows its button when the page scrolls.
    let frame = 0;
    const onScroll = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          place();
        });
    };
    document.addEventListener('pointerdown', onDown);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      document.removeEventListener('pointerdown', onDown);
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    setPos(null);
    if (refocus) button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      entries[(at + step + entries.length) % entries.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      (e.key === 'Home' ? entries[0] : entries.at(-1))?.focus();
    } else if (e.key === 'Tab') {
      close(false);
    }
  };

  if (shown.length === 0) return null;
  return (
    <>
      <button
        ref={button}
        type="button"
        class="button button-small episode-menu-button"
        aria-label={`More actions for ${title}`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => {
          if (open) setPos(null);
          setOpen(!open);
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open &&
        pos &&
        createPortal(
          // eslint-disable-next-line jsx-a11y/interactive-supports-focus -- focus moves to its menuitem buttons, never to the menu box
          <div
            ref={menu}
            class="episode-menu"
            role="menu"
            aria-label={`Actions for ${title}`}
            style={{ right: `${pos.right}px`, ...(pos.up ? { bottom: `${window.innerHeight - pos.top}px` } : { top: `${pos.top}px` }) }}
            onKeyDown={onKeyDown}
          >
            {shown.map((item) => (
              <button
                type="button"
                role="menuitem"
                class="episode-menu-item"
                tabIndex={-1}
                onClick={() => {
                  close(true);
                  void item.onSelect();
                }}
              >
                {item.label}
              </button>
            ))}
          </div>,
          document.body,
        )}
    </>
  );
}
