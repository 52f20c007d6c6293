/**
 * A quote with a link to its moment: `/episode/<id>#t=<seconds>`. The episode id begins with the
 * show's feed URL (`${feedUrl}\u0000${guid}`), so the link carries what someone without the show
 * needs to subscribe to it.
 */
import { formatClock } from '../../core/time';
import { episodeLinkAt } from '../player/share-link';

export interface Quote {
  episodeId: string;
  episodeTitle: string;
  showTitle: string;
  seconds: number;
  text: string;
  speaker?: string | null;
}

const MAX_QUOTE = 500;

export function quoteText(q: Quote): string {
  // Cue text keeps the caption's line breaks and padding; a quote reads as one sentence.
  const line = q.text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line); // by code point: an emoji is never cut in half
  const said =
    chars.length > MAX_QUOTE
      ? `${chars
          .slice(0, MAX_QUOTE - 1)
          .join('')
          .trimEnd()}…`
      : line;
  const who = q.speaker ? ` (${q.speaker})` : '';
  const where = [q.episodeTitle, q.showTitle].filter(Boolean).join(', ');
  return `“${said}”${who} — ${where} at ${formatClock(q.seconds)}`;
}

export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Insecure contexts and older browsers: the selection-copy fallback.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the fallback where navigator.clipboard is missing (plain http, old WebViews)
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

export type ShareOutcome = 'shared' | 'copied' | 'cancelled';

/** Web Share where the browser has it (phones), else the clipboard. */
export async function shareQuote(q: Quote): Promise<ShareOutcome> {
  const url = episodeLinkAt(location.origin, q.episodeId, q.seconds);
  const text = quoteText(q);
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title: q.episodeTitle, text, url });
      return 'shared';
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return 'cancelled';
      // Refused (no gesture, not allowed here): the clipboard still works.
    }
  }
  await copyText(`${text}\n${url}`);
  return 'copied';
}
