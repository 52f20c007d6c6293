import type { ParseContext } from './context';
import { FeedError } from './errors';

const ENTITY_DECL = /<!ENTITY\s+(%\s+)?([^\s"'%;&<>]+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b[^>]*)\s*>/g;
const REF_IN_VALUE = /&([A-Za-z_][\w.-]*);/g;
/** One declared entity may expand to this many characters; real feeds use a few words. */
const MAX_ENTITY_LENGTH = 100_000;
const MAX_DEPTH = 8;
const MAX_DECLARATIONS = 10_000;

/** Index just past the DOCTYPE that starts at `start`, skipping its internal subset and quotes. */
export function doctypeEnd(text: string, start: number): number {
  let inSubset = false;
  for (let i = start + 9; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      const close = text.indexOf(text.charAt(i), i + 1);
      if (close === -1) return text.length;
      i = close;
    } else if (c === 60 && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) return text.length;
      i = close + 2;
    } else if (c === 91) inSubset = true;
    else if (c === 93) inSubset = false;
    else if (c === 62 && !inSubset) return i + 1;
  }
  return text.length;
}

/**
 * Reads the entities a DOCTYPE declares and expands them once, up front, under hard limits: an
 * entity that expands past the limits (billion laughs, quadratic blowup) or refers to itself makes
 * the whole input an entity bomb. External entities are never fetched; they are ignored.
 */
export function readDoctypeEntities(doctype: string, ctx: ParseContext): void {
  const raw = new Map<string, string>();
  let count = 0;
  ENTITY_DECL.lastIndex = 0;
  for (let m = ENTITY_DECL.exec(doctype); m; m = ENTITY_DECL.exec(doctype)) {
    if (++count > MAX_DECLARATIONS) throw new FeedError('entity-bomb');
    if (m[1]) continue; // parameter entities only matter inside the DTD, which is not processed
    const name = m[2];
    if (m[5]) {
      ctx.warn('external-entity', `Ignored the external entity "${name}" (external entities are never loaded)`);
      continue;
    }
    if (!raw.has(name)) raw.set(name, m[3] ?? m[4] ?? '');
  }
  if (raw.size === 0) return;

  const expanded = new Map<string, string>();
  const expand = (name: string, depth: number, stack: Set<string>): string => {
    const done = expanded.get(name);
    if (done !== undefined) return done;
    if (depth > MAX_DEPTH || stack.has(name)) throw new FeedError('entity-bomb');
    stack.add(name);
    let total = 0;
    const value = (raw.get(name) as string).replace(REF_IN_VALUE, (ref: string, inner: string) => {
      const piece = raw.has(inner) ? expand(inner, depth + 1, stack) : ref;
      total += piece.length;
      if (total > MAX_ENTITY_LENGTH) throw new FeedError('entity-bomb');
      return piece;
    });
    if (value.length > MAX_ENTITY_LENGTH) throw new FeedError('entity-bomb');
    stack.delete(name);
    expanded.set(name, value);
    return value;
  };
  for (const name of raw.keys()) expand(name, 0, new Set());
  ctx.entities = expanded;
}
