import type { ParseContext } from './context';
import { doctypeEnd, readDoctypeEntities } from './doctype';
import { FeedError } from './errors';

export type FeedFormat = 'rss' | 'atom' | 'rdf';

export interface Located {
  /** Index of the root element's `<`. */
  rootStart: number;
  format: FeedFormat;
}

const NAME = /[A-Za-z_][\w:.-]*/y;
const XML_DECL = /^<\?xml\s/;
const FEED_ROOT = /<(rss|feed|(?:[A-Za-z_][\w.-]*:)?RDF)[\s>/]/g;
/** How far into a document the root may be searched for: junk before it is a few KB at most. */
const ROOT_SEARCH_LIMIT = 1 << 20;

function formatOf(name: string): FeedFormat | null {
  if (name === 'rss') return 'rss';
  if (name === 'feed') return 'atom';
  if (name === 'RDF' || name.endsWith(':RDF')) return 'rdf';
  return null;
}

function looksLikeHtml(text: string, from: number, firstElement: string | null): boolean {
  if (firstElement && /^(html|head|body|meta|title|script|div|p|h1)$/i.test(firstElement)) return true;
  const head = text.slice(from, from + 4096);
  return /<!doctype\s+html|<html[\s>]|<body[\s>]/i.test(head);
}

/**
 * Finds the feed's root element and rejects inputs that carry no feed with a reason a person can
 * act on. Text before the root (a PHP warning, a stray newline before the prolog) is skipped with
 * a warning, and the DOCTYPE's entities are read and bounded.
 */
export function locateRoot(text: string, ctx: ParseContext): Located {
  const first = text.search(/\S/);
  if (first === -1) throw new FeedError('empty');
  const c0 = text.charAt(first);
  if (c0 === '{' || c0 === '[') throw new FeedError('json');

  let i = first;
  let junk = false;
  const blank = first > 0 && XML_DECL.test(text.slice(first, first + 6));
  let firstElement: string | null = null;
  while (i < text.length) {
    if (text.charCodeAt(i) !== 60 /* < */) {
      const next = text.indexOf('<', i);
      if (/\S/.test(text.slice(i, next === -1 ? text.length : next))) junk = true;
      if (next === -1) break;
      i = next;
      continue;
    }
    if (text.startsWith('<?', i)) {
      if (i > first && XML_DECL.test(text.slice(i, i + 6))) junk = true;
      const end = text.indexOf('?>', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      i = end === -1 ? text.length : end + 3;
    } else if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) {
      const end = doctypeEnd(text, i);
      const doctype = text.slice(i, end);
      if (/^<!DOCTYPE\s+html/i.test(doctype)) throw new FeedError('html-page');
      readDoctypeEntities(doctype, ctx);
      i = end;
    } else {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(text);
      if (!m) {
        junk = true;
        i++;
        continue;
      }
      firstElement = m[0];
      const format = formatOf(firstElement);
      if (format) {
        if (junk) ctx.warn('junk', 'Skipped text before the start of the feed');
        else if (blank) ctx.warn('junk', 'Ignored blank space before the XML declaration');
        return { rootStart: i, format };
      }
      break;
    }
  }

  // The first element is not a feed: a PHP warning or HTML error text may precede the real one.
  FEED_ROOT.lastIndex = i;
  const found = FEED_ROOT.exec(text.length > ROOT_SEARCH_LIMIT ? text.slice(0, ROOT_SEARCH_LIMIT) : text);
  if (found) {
    const what = looksLikeHtml(text, first, null) ? 'an HTML page' : 'text';
    ctx.warn('junk', `Skipped ${what} before the start of the feed`);
    return { rootStart: found.index, format: formatOf(found[1]) as FeedFormat };
  }
  if (looksLikeHtml(text, first, firstElement)) throw new FeedError('html-page');
  if (firstElement) {
    throw new FeedError('not-a-feed', `This address returned an XML document (<${firstElement.slice(0, 40)}>), not a podcast feed`);
  }
  throw new FeedError('not-a-feed');
}
