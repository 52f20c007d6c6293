import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { htmlEntity } from '../feed/html-entities';
import { normalizeFeedUrl } from '../library/feed-url';

export interface OpmlFeed {
  url: string;
  /** `title`, else `text`; null when the outline has neither (shown by its URL). */
  title: string | null;
  htmlUrl: string | null;
}

export interface OpmlFailure {
  title: string | null;
  url: string | null;
  reason: string;
}

export interface OpmlResult {
  title: string | null;
  feeds: OpmlFeed[];
  failed: OpmlFailure[];
  /** Outlines naming a feed already listed earlier in the file. */
  duplicates: OpmlFeed[];
}

export class OpmlError extends Error {
  override name = 'OpmlError';
}

/** Real subscription lists are kilobytes; this leaves room for thousands of feeds and nothing silly. */
export const MAX_OPML_BYTES = 5 * 1024 * 1024;
export const MAX_OPML_FEEDS = 5000;
const MAX_DEPTH = 64;

type Node = Record<string, unknown>;

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

function text(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  // Control characters in a title are never meant; they would also break a later export.
  const s = String(value)
    // HTML names the XML parser does not know (`&eacute;`): other apps write them into titles.
    .replace(/&([A-Za-z][A-Za-z0-9]{1,31});/g, (whole, name: string) => htmlEntity(name) ?? whole)
    // eslint-disable-next-line no-control-regex -- matching control characters is what this expression is for
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s || null;
}

/** Attribute lookup that tolerates the casing other apps use (`xmlUrl`, `xmlurl`, `XMLURL`). */
function attr(node: Node, name: string): string | null {
  const direct = text(node[name]);
  if (direct !== null) return direct;
  const lower = name.toLowerCase();
  for (const key of Object.keys(node)) if (key.toLowerCase() === lower) return text(node[key]);
  return null;
}

function children(node: Node): Node[] {
  const kids = node.outline;
  if (!Array.isArray(kids)) return [];
  return kids.filter((k): k is Node => typeof k === 'object' && k !== null);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- still honoured by fast-xml-parser 5; its replacement changes entity handling, a change of its own with the OPML tests
  htmlEntities: true,
  // Attribute names the parser refuses outright (prototype keys) are renamed so one odd outline can't sink the file.
  transformAttributeName: (name) => (RESERVED.has(name) ? `_${name}` : name),
  isArray: (name) => name === 'outline',
  maxNestedTags: MAX_DEPTH + 4,
});

/**
 * Reads an OPML subscription list as other apps write it: nested category outlines, missing
 * titles, duplicates, odd attribute casing. Feeds come out in document order, each URL once;
 * outlines that cannot be a feed are reported in `failed` with the reason. Throws `OpmlError`
 * when the input is not OPML at all.
 */
export function parseOpml(input: string): OpmlResult {
  if (typeof input !== 'string') throw new OpmlError('No OPML text was given');
  if (input.length > MAX_OPML_BYTES) throw new OpmlError('That OPML file is larger than 5 MB, too large to be a subscription list');
  const source = input.replace(/^\uFEFF/, '');
  if (!source.trim()) throw new OpmlError('The OPML file is empty');
  // OPML never needs entity declarations; refusing them rules out entity-expansion attacks.
  if (/<!ENTITY/i.test(source)) throw new OpmlError('That file declares XML entities, which OPML never needs; it was not read');
  if (!/<(?:opml|outline)\b/i.test(source)) throw new OpmlError('That is not an OPML file: it has no <opml> or <outline> elements');

  // eslint-disable-next-line @typescript-eslint/no-deprecated -- moving to the separate fast-xml-validator package is a dependency change of its own
  const valid = XMLValidator.validate(source, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw new OpmlError(`That OPML file is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  let doc: Node;
  try {
    doc = parser.parse(source) as Node;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new OpmlError(/nested/i.test(detail) ? `The outlines are nested more than ${MAX_DEPTH} levels deep` : `That OPML file is not well-formed XML (${detail})`);
  }
  const opml = (doc.opml ?? doc.OPML ?? doc) as Node;
  const head = (typeof opml.head === 'object' && opml.head ? opml.head : {}) as Node;
  const body = (typeof opml.body === 'object' && opml.body ? opml.body : opml) as Node;

  const result: OpmlResult = { title: text(head.title), feeds: [], failed: [], duplicates: [] };
  const seen = new Set<string>();
  // Depth-first in document order without recursion: the stack holds the outlines still to visit.
  const stack = children(body).reverse();
  while (stack.length) {
    const node = stack.pop()!;
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    const raw = attr(node, 'xmlUrl') ?? (/^(rss|atom)$/i.test(attr(node, 'type') ?? '') ? attr(node, 'url') : null);
    const title = attr(node, 'title') ?? attr(node, 'text');
    if (raw === null) {
      // A category (it has children) or a plain note; only an rss-typed outline was meant to be a feed.
      if (!kids.length && /^(rss|atom)$/i.test(attr(node, 'type') ?? '')) result.failed.push({ title, url: null, reason: 'It has no feed URL (xmlUrl)' });
      continue;
    }
    const checked = normalizeFeedUrl(raw);
    if (!checked.ok) {
      result.failed.push({ title, url: raw.slice(0, 300), reason: checked.message });
      continue;
    }
    const feed: OpmlFeed = { url: checked.url, title, htmlUrl: attr(node, 'htmlUrl') };
    if (seen.has(checked.url)) {
      result.duplicates.push(feed);
      continue;
    }
    if (result.feeds.length >= MAX_OPML_FEEDS) {
      result.failed.push({ title, url: checked.url, reason: `Only the first ${MAX_OPML_FEEDS} feeds of a file are imported` });
      continue;
    }
    seen.add(checked.url);
    result.feeds.push(feed);
  }
  return result;
}
