/** Item positions found in raw bytes, for the refresh path that never decodes unchanged items. */
export interface ByteSplit {
  starts: number[];
  ends: number[];
  /** Byte ranges outside the items holding more than whitespace (the channel's own elements). */
  gaps: [number, number][];
  /** Where each item's first guid (Atom: id) text sits, or -1 when it has none. */
  guidStarts: number[];
  guidEnds: number[];
}

const LT = 0x3c;

function findSeq(b: Uint8Array, c0: number, c1: number, c2: number, from: number): number {
  for (let k = b.indexOf(c0, from); k !== -1; k = b.indexOf(c0, k + 1)) {
    if (b[k + 1] === c1 && b[k + 2] === c2) return k;
  }
  return -1;
}

function isDelimiter(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3e || c === 0x2f;
}

function nameAt(b: Uint8Array, at: number, name: Uint8Array): boolean {
  for (let k = 0; k < name.length; k++) if (b[at + k] !== name[k]) return false;
  return isDelimiter(b[at + name.length]);
}

function hasText(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
  }
  return false;
}

/**
 * Finds the items of an ASCII-compatible byte stream (UTF-8, Latin-1, Windows-125x) without
 * decoding it, skipping CDATA and comments. Only well-formed item structure is handled here: for
 * anything irregular (an item left open, a cut-off file) it returns null and the caller falls
 * back to the text path, which knows how to repair it.
 */
function bytesOf(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let k = 0; k < text.length; k++) out[k] = text.charCodeAt(k);
  return out;
}

export function splitBytes(b: Uint8Array, from: number, tag: string): ByteSplit | null {
  const name = bytesOf(tag);
  const guid = bytesOf(tag === 'entry' ? 'id' : 'guid');
  const starts: number[] = [];
  const ends: number[] = [];
  const gaps: [number, number][] = [];
  const guidStarts: number[] = [];
  const guidEnds: number[] = [];
  let guidStart = -1;
  let guidEnd = -1;
  let open = -1;
  let outside = from;
  for (let i = b.indexOf(LT, from); i !== -1; i = b.indexOf(LT, i + 1)) {
    const c1 = b[i + 1];
    if (c1 === 0x21 /* ! */) {
      const cdata = b[i + 2] === 0x5b; /* [ */
      if (!cdata && b[i + 2] !== 0x2d) continue;
      const end = cdata ? findSeq(b, 0x5d, 0x5d, 0x3e, i + 9) : findSeq(b, 0x2d, 0x2d, 0x3e, i + 4);
      if (end === -1) return null;
      i = end + 2;
    } else if (c1 === 0x2f /* / */) {
      if (!nameAt(b, i + 2, name)) continue;
      const close = b.indexOf(0x3e, i);
      if (close === -1 || open === -1) return null;
      starts.push(open);
      ends.push(close + 1);
      guidStarts.push(guidStart);
      guidEnds.push(guidEnd);
      open = -1;
      outside = close + 1;
      i = close;
    } else if (open !== -1 && guidStart === -1 && nameAt(b, i + 1, guid)) {
      const close = b.indexOf(0x3e, i);
      const next = close === -1 ? -1 : b.indexOf(LT, close);
      if (next === -1) return null;
      // Text up to the next tag; a CDATA-wrapped guid is unwrapped when compared.
      guidStart = close + 1;
      guidEnd = b[next + 1] === 0x21 ? findSeq(b, 0x5d, 0x5d, 0x3e, next) + 3 : next;
      if (guidEnd < guidStart) return null;
      i = close;
    } else if (nameAt(b, i + 1, name)) {
      const close = b.indexOf(0x3e, i);
      if (open !== -1 || close === -1 || b[close - 1] === 0x2f) return null;
      if (i > outside && starts.length > 0 && hasText(b, outside, i)) gaps.push([outside, i]);
      open = i;
      guidStart = guidEnd = -1;
      i = close;
    }
  }
  if (open !== -1 || starts.length === 0) return null;
  if (outside < b.length) gaps.push([outside, b.length]);
  return { starts, ends, gaps, guidStarts, guidEnds };
}
