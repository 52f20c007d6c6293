import { useLayoutEffect, useRef } from 'preact/hooks';
import { sanitizeNotes } from './sanitize-html';

/**
 * Sanitized HTML inserted as DOM nodes (never re-parsed from a string, so there is no
 * serialize-and-parse step for a mutation XSS to hide in). Timestamp buttons call `onSeek`.
 */
export function ShowNotes({
  html,
  baseUrl,
  duration,
  onSeek,
  class: className = 'show-notes',
}: {
  html: string;
  baseUrl?: string;
  duration: number | null;
  onSeek: ((seconds: number) => void) | null;
  class?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    ref.current?.replaceChildren(sanitizeNotes(html, { ...(baseUrl ? { baseUrl } : {}), duration, timestamps: onSeek !== null }));
  }, [html, baseUrl, duration, onSeek !== null]);
  const onClick = (event: MouseEvent) => {
    const button = (event.target as Element | null)?.closest?.('button[data-seek]');
    if (!button || !onSeek) return;
    const seconds = Number((button as HTMLElement).dataset.seek);
    if (Number.isFinite(seconds)) onSeek(seconds);
  };
  // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- delegates clicks of the <button data-seek> inside, which are keyboard-operable themselves
  return <div ref={ref} class={className} onClick={onClick} />;
}
