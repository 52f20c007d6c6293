const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';

/** 32 bits as six base-64 digits: number-to-string in radix 36 costs ~1 µs a call, this a tenth. */
function digits(x: number): string {
  return DIGITS.charAt(x & 63) + DIGITS.charAt((x >>> 6) & 63) + DIGITS.charAt((x >>> 12) & 63) + DIGITS.charAt((x >>> 18) & 63) + DIGITS.charAt((x >>> 24) & 63) + DIGITS.charAt(x >>> 30);
}

/**
 * A 64-bit two-lane multiplicative hash (after cyrb53) of `text[start, end)`, prefixed with the
 * length. Not cryptographic: it only has to tell an edited item from the stored one, and be fast
 * enough that hashing a whole feed costs a small fraction of parsing it.
 */
export function hashRange(text: string, start: number, end: number): string {
  let h1 = 0xdeadbeef ^ (end - start);
  let h2 = 0x41c6ce57;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, -1640531535);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), -2048144789) ^ Math.imul(h2 ^ (h2 >>> 13), -1028477387);
  h2 = Math.imul(h2 ^ (h2 >>> 16), -2048144789) ^ Math.imul(h1 ^ (h1 >>> 13), -1028477387);
  return (end - start).toString(36) + '.' + digits(h1) + digits(h2);
}

export function hashString(text: string): string {
  return hashRange(text, 0, text.length);
}

let scratch = new Int32Array(4096);

/**
 * The same kind of hash over raw bytes, four at a time: what a refresh computes, so that unchanged
 * items are never decoded. The bytes are copied to offset 0 of a scratch buffer first, so the
 * result does not depend on where in the feed the item sits.
 */
export function hashBytes(bytes: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (scratch.byteLength < n + 4) scratch = new Int32Array((n >> 2) + 4096);
  const view = new Uint8Array(scratch.buffer, 0, n);
  view.set(bytes.subarray(start, end));
  const words = n >> 2;
  const w = scratch;
  let h1 = 0x9e3779b9 ^ n;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < words; i++) {
    const x = w[i];
    h1 = Math.imul(h1 ^ x, -1640531535);
    h2 = Math.imul(h2 ^ x, 1597334677);
  }
  for (let i = words << 2; i < n; i++) {
    const x = view[i];
    h1 = Math.imul(h1 ^ x, -1640531535);
    h2 = Math.imul(h2 ^ x, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), -2048144789) ^ Math.imul(h2 ^ (h2 >>> 13), -1028477387);
  h2 = Math.imul(h2 ^ (h2 >>> 16), -2048144789) ^ Math.imul(h1 ^ (h1 >>> 13), -1028477387);
  return n.toString(36) + ':' + digits(h1) + digits(h2);
}
