import type { ParseContext } from './context';
import { C1 } from './entities';
import { makeDecoder, type TextDecoderLike } from './platform';

const PROLOG_ENCODING = /^[\s\S]{0,2048}?<\?xml[^>]*?encoding\s*=\s*["']([^"']{1,40})["']/;

/** Windows-1252 characters for bytes 0x80–0xFF: what stray non-UTF-8 bytes nearly always are. */
function cp1252(byte: number): string {
  return byte < 0xa0 ? C1.charAt(byte - 0x80) : String.fromCharCode(byte);
}

const C1_CONTROLS = /[\u0080-\u009f]/g;

/**
 * Node's TextDecoder reads windows-1252 (and the labels mapped to it: iso-8859-1, us-ascii) as
 * Latin-1, leaving bytes 0x80–0x9F as C1 controls; browsers give the curly quotes, dashes and €.
 * ISO-8859-2…16 leave them as controls everywhere.
 */
function fixC1(text: string): string {
  return text.search(C1_CONTROLS) === -1 ? text : text.replace(C1_CONTROLS, (c) => C1.charAt(c.charCodeAt(0) - 0x80));
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return 0;
  const second = b[i + 1];
  if (second === undefined || second < lo || second > hi) return 0;
  for (let k = 2; k <= need; k++) {
    const next = b[i + k];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return need + 1;
}

/** UTF-8 where valid, Windows-1252 for each byte that is not: repairs Latin-1 text in UTF-8 files. */
function decodeMixed(bytes: Uint8Array): string {
  const utf8 = decoderFor('utf-8');
  const parts: string[] = [];
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    if (i > runStart) parts.push(utf8.decode(bytes.subarray(runStart, i)));
    parts.push(cp1252(bytes[i]));
    runStart = ++i;
  }
  if (runStart < bytes.length) parts.push(utf8.decode(bytes.subarray(runStart)));
  return parts.join('');
}

/** Maps the labels feeds write (`ISO8859_1`, `utf8`, `latin1`) to ones TextDecoder accepts. */
function normalizeLabel(raw: string): string {
  const label = raw.trim().toLowerCase().replace(/_/g, '-');
  const iso = /^iso-?8859-?(\d{1,2})$/.exec(label);
  if (iso) return 'iso-8859-' + iso[1];
  if (label === 'utf8') return 'utf-8';
  return label;
}

function bomEncoding(b: Uint8Array): { label: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (b[0] === 0xfe && b[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  // No BOM, but `<` as a 16-bit unit: UTF-16 all the same.
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] !== 0x00) return { label: 'utf-16le', skip: 0 };
  if (b[0] === 0x00 && b[1] === 0x3c) return { label: 'utf-16be', skip: 0 };
  return null;
}

function declaredEncoding(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 2048);
  let ascii = '';
  for (let i = 0; i < head.length; i++) ascii += String.fromCharCode(head[i]);
  const m = PROLOG_ENCODING.exec(ascii);
  return m ? m[1] : null;
}

let fatalUtf8: TextDecoderLike | null = null;

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    fatalUtf8 ??= makeDecoder('utf-8', true) as TextDecoderLike;
    return fatalUtf8.decode(bytes);
  } catch {
    return null;
  }
}

export interface Encoding {
  /** TextDecoder label: `utf-8`, `utf-16le`, `utf-16be`, or a single-byte charset. */
  label: string;
  /** Bytes of BOM to skip. */
  skip: number;
  /** The label as the prolog wrote it, for messages. */
  declared: string | null;
}

/**
 * Which encoding the bytes are in: the BOM decides, else the prolog's declaration, else UTF-8.
 * A UTF-16 declaration in a prolog we could read as ASCII is wrong (the bytes are 8-bit).
 */
export function detectEncoding(bytes: Uint8Array, ctx: ParseContext): Encoding {
  const bom = bomEncoding(bytes);
  if (bom) return { ...bom, declared: null };
  const declared = declaredEncoding(bytes);
  if (declared === null) return { label: 'utf-8', skip: 0, declared };
  const label = normalizeLabel(declared);
  if (label === 'utf-8' || label.startsWith('utf-16')) return { label: 'utf-8', skip: 0, declared };
  if (!makeDecoder(label, false)) {
    ctx.warn('encoding', `Unknown encoding "${declared}": read as UTF-8`);
    return { label: 'utf-8', skip: 0, declared };
  }
  return { label, skip: 0, declared };
}

const decoders = new Map<string, TextDecoderLike>();

function decoderFor(label: string): TextDecoderLike {
  let decoder = decoders.get(label);
  if (!decoder) {
    decoder = makeDecoder(label, false) as TextDecoderLike;
    decoders.set(label, decoder);
  }
  return decoder;
}

/**
 * Decodes `bytes[from, to)`. Declarations lie both ways: UTF-8 that validates wins over a declared
 * single-byte charset, and bytes that are not valid UTF-8 in a UTF-8 file are read as
 * Windows-1252 instead of becoming U+FFFD.
 */
export function decodeRange(bytes: Uint8Array, from: number, to: number, enc: Encoding, ctx: ParseContext): string {
  const range = bytes.subarray(from, to);
  if (enc.label === 'utf-8') return decodeUtf8(range, ctx);
  if (!enc.label.startsWith('utf-16') && hasHighBytes(range)) {
    const asUtf8 = tryUtf8(range);
    if (asUtf8 !== null) {
      ctx.warn('encoding', `Declared "${enc.declared ?? enc.label}" but the bytes are UTF-8: read as UTF-8`);
      return asUtf8;
    }
  }
  const text = decoderFor(enc.label).decode(range);
  // Bytes 0x80–0x9F are C1 controls in ISO-8859-x, never meant in a feed: publishers who declare
  // ISO-8859-1 or -15 write Windows-1252 dashes and quotes there.
  return enc.label.startsWith('utf-16') ? text : fixC1(text);
}

/** The whole input as text, BOM removed. */
export function decodeBytes(bytes: Uint8Array, ctx: ParseContext, enc = detectEncoding(bytes, ctx)): string {
  return stripBom(decodeRange(bytes, enc.skip, bytes.length, enc, ctx));
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

function decodeUtf8(bytes: Uint8Array, ctx: ParseContext): string {
  const text = tryUtf8(bytes);
  if (text !== null) return text;
  ctx.warn('latin1-in-utf8', 'Read bytes that are not valid UTF-8 as Windows-1252 (Latin-1)');
  return decodeMixed(bytes);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
