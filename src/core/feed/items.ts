import type { ParseContext } from './context';
import { FeedError } from './errors';
import { mapItem, type ItemDraft } from './item';
import { balanceXml } from './repair';
import type { Prepared } from './prepare';
import { nameOf, parseXml, type XNode } from './xml';

function itemNodes(nodes: XNode[], tag: string): XNode[] {
  const out: XNode[] = [];
  for (const node of nodes) if (nameOf(node) === tag) out.push(node);
  return out;
}

function parseOne(xml: string, tag: string, ctx: ParseContext): XNode | null {
  try {
    const nodes = itemNodes(parseXml(xml), tag);
    if (nodes.length === 1) return nodes[0];
  } catch (err) {
    if (err instanceof FeedError) throw err;
  }
  try {
    const nodes = itemNodes(parseXml(balanceXml(xml, ctx)), tag);
    if (nodes.length >= 1) return nodes[0];
  } catch (err) {
    if (err instanceof FeedError) throw err;
  }
  return null;
}

/**
 * Parses the chosen items in one fast-xml-parser call. Each slice starts with its own `<item`, so
 * the batch yields exactly one top-level item per slice unless some item leaves an element open;
 * then, and only then, every item is parsed (and if need be repaired) on its own.
 */
export function parseItems(doc: Prepared, chosen: number[], ctx: ParseContext): ItemDraft[] {
  if (chosen.length === 0) return [];
  const { tag, fingerprints } = doc;
  const first = chosen[0];
  const last = chosen[chosen.length - 1];
  const contiguous = last - first + 1 === chosen.length;
  const batch = contiguous ? doc.itemsText(first, last) : chosen.map((i) => doc.itemsText(i, i)).join('');
  let nodes: XNode[] | null = null;
  try {
    nodes = itemNodes(parseXml(batch), tag);
  } catch (err) {
    if (err instanceof FeedError) throw err;
  }
  const drafts: ItemDraft[] = [];
  if (nodes && nodes.length === chosen.length) {
    for (let k = 0; k < nodes.length; k++) {
      drafts.push(mapItem(nodes[k], tag, fingerprints[chosen[k]], ctx));
    }
    return drafts;
  }
  for (const i of chosen) {
    const node = parseOne(doc.itemsText(i, i), tag, ctx);
    if (node) drafts.push(mapItem(node, tag, fingerprints[i], ctx));
    else ctx.warn('skipped-item', 'Skipped an episode too broken to read');
  }
  return drafts;
}
