import { parseUrl } from '../feed/platform';

export interface FeedLink {
  url: string;
  title: string | null;
  type: string;
}

const FEED_TYPES = /^application\/(?:rss|atom)\+xml$/i;
/** Only the document head is searched: feed links live there, and pages can be megabytes. */
const MAX_SCAN = 512 * 1024;

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  // Skip the tag name itself.
  re.lastIndex = tag.search(/\s/) < 0 ? tag.length : tag.search(/\s/);
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    const name = m[1].toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeAttr(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

function decodeAttr(value: string): string {
  return value.replace(/&(amp|quot|apos|lt|gt|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (whole, body: string) => {
    const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
    const lower = body.toLowerCase();
    if (named[lower]) return named[lower];
    const code = lower[1] === 'x' ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Feed links a web page advertises with `<link rel="alternate" type="application/rss+xml|atom+xml">`,
 * resolved against the page URL (and its `<base href>`), http(s) only, in document order, RSS first.
 */
export function discoverFeedLinks(html: string, pageUrl: string): FeedLink[] {
  const text = html.length > MAX_SCAN ? html.slice(0, MAX_SCAN) : html;
  let base = pageUrl;
  const found: FeedLink[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(/<(base|link)\b[^<>]*>/gi)) {
    const attrs = attributes(m[0]);
    const href = attrs.get('href')?.trim();
    if (!href) continue;
    if (m[1].toLowerCase() === 'base') {
      base = parseUrl(href, base)?.href ?? base;
      continue;
    }
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (attrs.get('type') ?? '').trim();
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) continue;
    const url = parseUrl(href, base);
    if (!url || !/^https?:$/.test(url.protocol) || seen.has(url.href)) continue;
    seen.add(url.href);
    found.push({ url: url.href, title: attrs.get('title')?.trim() || null, type: type.toLowerCase() });
  }
  // A page with both usually lists the podcast RSS; Atom is often the blog's comments or posts.
  return [...found.filter((f) => f.type.includes('rss')), ...found.filter((f) => !f.type.includes('rss'))];
}

/** True when a fetched body is an HTML page rather than a feed (checked on the first bytes). */
export function looksLikeHtml(contentType: string | null, head: string): boolean {
  const start = head.slice(0, 2048);
  if (/^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(start)) return false;
  if (contentType && /^\s*(?:text\/html|application\/xhtml\+xml)/i.test(contentType)) return true;
  return /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(start);
}
