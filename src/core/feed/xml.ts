import { XMLParser } from 'fast-xml-parser';
import type { ParseContext } from './context';
import { decodeEntities, decodePlainAgain } from './entities';
import { resolveUrl } from './urls';

/** A node of fast-xml-parser's ordered output: `{ [tag]: children, ':@'?: attributes }`. */
export type XNode = Record<string, unknown>;
export type Attrs = Record<string, string>;

const TEXT = '#text';
const CDATA = '#cdata';
const ATTRS = ':@';

/** Fields holding HTML: their raw text is kept, so XHTML markup and CDATA inside them survive. */
const HTML_FIELDS = ['description', 'content:encoded', 'itunes:summary', 'summary', 'content'];

/**
 * Leaf elements, read or merely common. Fast-xml-parser gathers ordinary text one character at a
 * time; a stop node's text is cut out in one slice, which is most of the speed of this module.
 */
const TEXT_FIELDS = [
  'title',
  'itunes:title',
  'guid',
  'id',
  'pubDate',
  'pubdate',
  'published',
  'updated',
  'dc:date',
  'link',
  'language',
  'itunes:duration',
  'itunes:season',
  'itunes:episode',
  'itunes:episodeType',
  'itunes:explicit',
  'itunes:block',
  'itunes:author',
  'itunes:subtitle',
  'itunes:keywords',
  'itunes:new-feed-url',
  'itunes:type',
  'itunes:complete',
  'itunes:name',
  'itunes:email',
  'podcast:season',
  'podcast:episode',
  'podcast:guid',
  'podcast:locked',
  'podcast:medium',
  'podcast:person',
  'podcast:funding',
  'podcast:soundbite',
  'podcast:location',
  'podcast:license',
  'podcast:trailer',
  'managingEditor',
  'dc:creator',
  'category',
  'url',
  'name',
  'logo',
  'icon',
  'subtitle',
  'copyright',
  'generator',
  'lastBuildDate',
  'comments',
  'wfw:commentRss',
  'slash:comments',
  'media:title',
  'media:description',
  'media:keywords',
  'media:credit',
  'googleplay:description',
  'googleplay:author',
];

const LEAVES = new Set(TEXT_FIELDS);
const HTML = new Set(HTML_FIELDS);

export function isHtmlField(name: string): boolean {
  return HTML.has(name);
}

/** Elements that hold only text, so another element starting inside one means it was left open. */
export function isLeaf(name: string): boolean {
  return LEAVES.has(name);
}

/**
 * Ordered output skips fast-xml-parser's object building (40 % of its time); entity decoding and
 * value typing are off because only the few fields the model reads need them, done by us.
 */
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- still honoured by fast-xml-parser 5; its replacement changes entity handling, a change of its own with the feed tests
  htmlEntities: false,
  trimValues: true,
  jPath: false,
  cdataPropName: CDATA,
  ignoreDeclaration: true,
  ignorePiTags: true,
  stopNodes: [...HTML_FIELDS, ...TEXT_FIELDS].map((tag) => '..' + tag),
});

/** Parses a fragment; throws whatever fast-xml-parser throws on input it cannot read. */
export function parseXml(xml: string): XNode[] {
  return parser.parse(xml) as XNode[];
}

/** The element name of a node (its one key besides the attributes). */
export function nameOf(node: XNode): string {
  for (const key in node) if (key !== ATTRS) return key;
  return '';
}

export function kidsOf(node: XNode, name: string): XNode[] {
  const kids = node[name];
  return Array.isArray(kids) ? (kids as XNode[]) : [];
}

export function attrsOf(node: XNode): Attrs | undefined {
  return node[ATTRS] as Attrs | undefined;
}

/** An attribute's value with entities resolved and whitespace trimmed, or null when absent/empty. */
export function attr(node: XNode, key: string, ctx: ParseContext): string | null {
  const attrs = node[ATTRS] as Attrs | undefined;
  const raw = attrs?.[key];
  if (raw === undefined) return null;
  const value = decodeEntities(raw, ctx).trim();
  return value === '' ? null : value;
}

/**
 * Text content of a plain-text element: entities decoded outside CDATA, markup dropped, then a
 * second decoding pass for doubly escaped titles. Stop nodes and ordinary leaves both arrive as a
 * single text child; anything else (misplaced child elements) contributes its text.
 */
export function textOf(node: XNode, name: string, ctx: ParseContext): string {
  const kids = node[name];
  if (!Array.isArray(kids) || kids.length === 0) return '';
  const raw = kids.length === 1 ? (kids[0] as XNode)[TEXT] : undefined;
  const text = typeof raw === 'string' ? fromRaw(raw, ctx, false) : collectText(kids as XNode[], ctx);
  return decodePlainAgain(text.trim(), ctx);
}

function collectText(kids: XNode[], ctx: ParseContext): string {
  let out = '';
  for (const kid of kids) {
    const t = kid[TEXT];
    if (typeof t === 'string') {
      out += fromRaw(t, ctx, false);
      continue;
    }
    const cdata = kid[CDATA];
    if (Array.isArray(cdata)) {
      for (const part of cdata as XNode[]) {
        const raw = part[TEXT];
        if (typeof raw === 'string') out += raw;
      }
      continue;
    }
    const name = nameOf(kid);
    if (name) out += collectText(kidsOf(kid, name), ctx);
  }
  return out;
}

/** HTML content of an element: CDATA unwrapped, entities outside CDATA decoded, markup kept. */
export function htmlOf(node: XNode, name: string, ctx: ParseContext): string {
  const kids = node[name];
  if (!Array.isArray(kids) || kids.length === 0) return '';
  const raw = kids.length === 1 ? (kids[0] as XNode)[TEXT] : undefined;
  if (typeof raw !== 'string') return collectText(kids as XNode[], ctx).trim();
  return fromRaw(raw, ctx, true).trim();
}

const TAG = /<[^<>]*>/g;
const BREAK = /^<\/?(?:br|p|div|li|hr)\b/i;

/** Markup dropped from plain text; a line break or block becomes a space, not nothing. */
function stripTags(text: string): string {
  return text.replace(TAG, (tag) => (BREAK.test(tag) ? ' ' : ''));
}

function outsideCdata(part: string, ctx: ParseContext, keepMarkup: boolean): string {
  if (!keepMarkup && part.indexOf('<') !== -1) part = stripTags(part);
  return decodeEntities(part, ctx);
}

/** A title as text. Atom's `type="html"` titles are escaped markup: decoded, then stripped. */
export function titleOf(node: XNode, ctx: ParseContext): string {
  const text = textOf(node, 'title', ctx);
  return text.indexOf('<') !== -1 && attrsOf(node)?.type === 'html' ? stripTags(text).trim() : text;
}

/** `itunes:image`: the `href` Apple defines, the `url` some write, or a URL written as its text. */
export function imageOf(node: XNode, name: string, ctx: ParseContext): string | null {
  const url = attr(node, 'href', ctx) ?? attr(node, 'url', ctx);
  if (url !== null) return resolveUrl(url, ctx);
  const text = textOf(node, name, ctx);
  return /^https?:\/\//i.test(text) ? resolveUrl(text, ctx) : null;
}

/** Raw element text as XML means it: CDATA sections verbatim, everything else entity-decoded. */
function fromRaw(raw: string, ctx: ParseContext, keepMarkup: boolean): string {
  let start = raw.indexOf('<![CDATA[');
  if (start === -1) return outsideCdata(raw, ctx, keepMarkup);
  let out = '';
  let from = 0;
  while (start !== -1) {
    out += outsideCdata(raw.slice(from, start), ctx, keepMarkup);
    const end = raw.indexOf(']]>', start + 9);
    if (end === -1) return out + raw.slice(start + 9);
    out += raw.slice(start + 9, end);
    from = end + 3;
    start = raw.indexOf('<![CDATA[', from);
  }
  return out + outsideCdata(raw.slice(from), ctx, keepMarkup);
}

// eslint-disable-next-line no-control-regex -- matching control characters is what this expression is for
const LOOSE_SPACE = /\s{2,}|[\t\n\r\f\v\u00a0\u0000-\u0008\u000e-\u001f\u007f]/;
/** Control characters XML forbids; fast-xml-parser lets them through and they show as boxes. */
// eslint-disable-next-line no-control-regex -- matching control characters is what this expression is for
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * A title or name on one line: runs of whitespace (newlines, tabs, double spaces) become one
 * space, and stray control characters are dropped.
 */
export function oneLine(text: string): string {
  return LOOSE_SPACE.test(text) ? text.replace(CONTROLS, '').replace(/\s+/g, ' ').trim() : text;
}
