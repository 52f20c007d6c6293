import type { ParseContext } from './context';
import { decodeBytes, decodeRange, detectEncoding, stripBom } from './decode';
import { hashBytes, hashRange } from './hash';
import { normalizeNamespaces } from './namespaces';
import { utf8Bytes } from './platform';
import { locateRoot, type FeedFormat } from './preflight';
import { splitBytes } from './split-bytes';
import { splitItems } from './split';

/** A document cut into its channel and its items, each item fingerprinted but not yet parsed. */
export interface Prepared {
  format: FeedFormat;
  /** `item` or `entry`. */
  tag: string;
  fingerprints: string[];
  /** The document without its items: what the channel mapper reads. */
  channelXml: string;
  /** Decoded text of items `first..last`, including whatever lies between them. */
  itemsText(first: number, last: number): string;
  /** Indexes of the items whose guid (Atom: id) is one of `guids`, found without parsing. */
  itemsWithGuid(guids: string[]): number[];
}

const GUID_TEXT = /<(?:guid|id)(?:\s[^>]*)?>([\s\S]*?)<\/(?:guid|id)\s*>/;

/** A guid as written in XML: whitespace and a CDATA wrapper removed, entities left as written. */
function bareGuid(raw: string): string {
  const t = raw.trim();
  return t.startsWith('<![CDATA[') && t.endsWith(']]>') ? t.slice(9, -3).trim() : t;
}

/** The forms a guid can take in the raw text: as is, and with XML's three escapes applied. */
function rawForms(guids: string[]): Set<string> {
  const forms = new Set<string>();
  for (const g of guids) {
    forms.add(g);
    forms.add(g.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  }
  return forms;
}

const tagOf = (format: FeedFormat): string => (format === 'atom' ? 'entry' : 'item');

/** The text path: for string input and for bytes the byte path declines. */
export function prepareText(input: string, ctx: ParseContext): Prepared {
  const decoded = stripBom(input);
  const { rootStart, format } = locateRoot(decoded, ctx);
  const tag = tagOf(format);
  let split = splitItems(decoded, rootStart, tag, ctx);
  const text = normalizeNamespaces(decoded, rootStart, split.starts[0] ?? decoded.length, ctx);
  if (text !== decoded) split = splitItems(text, rootStart, tag, ctx.quiet());
  const { starts, ends } = split;
  const fingerprints = starts.map((start, i) => hashRange(text, start, ends[i]));
  return {
    format,
    tag,
    fingerprints,
    channelXml: split.channelXml,
    itemsText: (first, last) => text.slice(starts[first], ends[last]),
    itemsWithGuid: (guids) => {
      const forms = rawForms(guids);
      const out: number[] = [];
      starts.forEach((start, i) => {
        const m = GUID_TEXT.exec(text.slice(start, ends[i]));
        if (m && forms.has(bareGuid(m[1]))) out.push(i);
      });
      return out;
    },
  };
}

/**
 * The byte path, which is what makes a refresh cheap: items are found and fingerprinted in the
 * raw bytes, and only the channel and the items that changed are ever decoded. Returns null when
 * the bytes need the text path: UTF-16, no items, broken item structure, renamed namespaces.
 */
export function prepareBytes(bytes: Uint8Array, ctx: ParseContext): Prepared | null {
  const enc = detectEncoding(bytes, ctx);
  if (enc.label.startsWith('utf-16')) return null;
  // Atom documents say so in their first bytes; RSS is the common case worth the fast path.
  const headProbe = decodeRange(bytes, enc.skip, Math.min(bytes.length, enc.skip + 4096), enc, ctx.quiet());
  const tag = /<feed[\s>]/.test(headProbe) && !/<rss[\s>]/.test(headProbe) ? 'entry' : 'item';
  const split = splitBytes(bytes, enc.skip, tag);
  if (!split) return null;
  const { starts, ends, gaps } = split;
  const head = decodeRange(bytes, enc.skip, starts[0], enc, ctx);
  const { rootStart, format } = locateRoot(head, ctx);
  if (tagOf(format) !== tag) return null;
  if (normalizeNamespaces(head, rootStart, head.length, ctx) !== head) return null;
  let channelXml = head.slice(rootStart);
  for (const [from, to] of gaps) channelXml += decodeRange(bytes, from, to, enc, ctx);
  return {
    format,
    tag,
    fingerprints: starts.map((start, i) => hashBytes(bytes, start, ends[i])),
    channelXml,
    itemsText: (first, last) => decodeRange(bytes, starts[first], ends[last], enc, ctx),
    itemsWithGuid: (guids) => guidMatches(bytes, split.guidStarts, split.guidEnds, guids),
  };
}

const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Items whose raw guid bytes equal one of `guids` (as UTF-8, plain or XML-escaped). No decoding. */
function guidMatches(bytes: Uint8Array, starts: number[], ends: number[], guids: string[]): number[] {
  const byLength = new Map<number, Uint8Array[]>();
  for (const form of rawForms(guids)) {
    const encoded = utf8Bytes(form);
    const list = byLength.get(encoded.length);
    if (list) list.push(encoded);
    else byLength.set(encoded.length, [encoded]);
  }
  const out: number[] = [];
  starts.forEach((start, i) => {
    let from = start;
    let to = ends[i];
    if (from < 0) return;
    while (from < to && isSpace(bytes[from])) from++;
    while (to > from && isSpace(bytes[to - 1])) to--;
    if (bytes[from] === 0x3c && bytes[from + 1] === 0x21 && to - from >= 12) {
      from += 9; // <![CDATA[ … ]]>
      to -= 3;
      while (from < to && isSpace(bytes[from])) from++;
      while (to > from && isSpace(bytes[to - 1])) to--;
    }
    const candidates = byLength.get(to - from);
    if (!candidates) return;
    for (const c of candidates) {
      let k = 0;
      while (k < c.length && c[k] === bytes[from + k]) k++;
      if (k === c.length) {
        out.push(i);
        return;
      }
    }
  });
  return out;
}

export function prepare(input: string | Uint8Array, ctx: ParseContext, makeCtx: () => ParseContext): [Prepared, ParseContext] {
  if (typeof input === 'string') return [prepareText(input, ctx), ctx];
  const fast = prepareBytes(input, ctx);
  if (fast) return [fast, ctx];
  // Start over with fresh warnings, so repairs the byte path already noted are not counted twice.
  const fresh = makeCtx();
  return [prepareText(decodeBytes(input, fresh), fresh), fresh];
}
