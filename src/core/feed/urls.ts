import type { ParseContext } from './context';
import { parseUrl } from './platform';

const ABSOLUTE_HTTP = /^https?:\/\/[^\s]/i;
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * An http(s) URL from a feed: relative ones resolved against the feed's own URL, absolute ones kept
 * exactly as written (relative ones too when no feed URL is known). Any other scheme (`javascript:`, `file:`, `data:`) is refused: these values
 * end up in `src` and `href` attributes.
 */
export function resolveUrl(raw: string | null, ctx: ParseContext): string | null {
  if (raw === null) return null;
  let url = raw.trim();
  if (url === '') return null;
  if (/\s/.test(url)) url = url.replace(/\s+/g, (ws) => (/[\r\n\t]/.test(ws) ? '' : '%20'));
  if (ABSOLUTE_HTTP.test(url)) return url;
  if (HAS_SCHEME.test(url)) return null;
  // Without the feed's URL there is nothing to resolve against: the caller gets what was written.
  if (!ctx.baseUrl) return url.startsWith('//') ? 'https:' + url : url;
  const resolved = parseUrl(url, ctx.baseUrl);
  if (!resolved || (resolved.protocol !== 'http:' && resolved.protocol !== 'https:')) return null;
  return resolved.href;
}
