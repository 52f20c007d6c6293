import { parseUrl } from '../feed/platform';

export type FeedUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * What someone typed or pasted as a feed address, made into an absolute http(s) URL:
 * a bare host gets https, `feed:` / `pcast:` / `itpc:` / `podcast:` schemes become http(s).
 */
export function normalizeFeedUrl(input: string): FeedUrlCheck {
  let text = input.trim();
  if (!text) return { ok: false, message: 'Enter the address of a podcast feed or its web page' };
  if (text.length > 2048) return { ok: false, message: 'That address is too long to be a feed URL' };
  if (/\s/.test(text)) return { ok: false, message: 'A feed URL cannot contain spaces' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'feed' || scheme === 'pcast' || scheme === 'itpc' || scheme === 'podcast') {
    text = text.slice(scheme.length + 1).replace(/^\/\//, '');
    if (!/^https?:/i.test(text)) text = `${scheme === 'itpc' ? 'http' : 'https'}://${text}`;
  } else if (!scheme || (!text.includes('//') && /^[^/]+:\d+/.test(text))) {
    text = `https://${text}`;
  }
  const url = parseUrl(text);
  if (!url || !/^https?:$/.test(url.protocol)) return { ok: false, message: 'Only http and https addresses can be subscribed to' };
  const host = /^https?:\/\/([^/?#]*)/i.exec(url.href)?.[1] ?? '';
  if (!host || host.includes('@')) return { ok: false, message: 'That address has no valid host name' };
  return { ok: true, url: url.href };
}
