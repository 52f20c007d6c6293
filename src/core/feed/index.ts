import type { ParsedFeed } from '../types';
import { emptyChannel, readChannel } from './channel';
import { ParseContext } from './context';
import { FeedError } from './errors';
import { assignIds } from './ids';
import type { ItemDraft } from './item';
import { parseItems } from './items';
import { prepare, type Prepared } from './prepare';

export { FeedError } from './errors';
export { parseDate } from './dates';
export { parseDuration } from './values';

export interface ParseOptions {
  /** Fingerprints of items the caller already has: those are listed in `unchanged`, not parsed. */
  known?: ReadonlySet<string>;
  /** Items kept per feed, in feed order; the rest are dropped with a warning (default MAX_ITEMS). */
  maxItems?: number;
}
import { MAX_ITEMS } from './limits';
export { MAX_ITEMS } from './limits';

/** Feeds above this size are refused rather than risking the tab: the largest real ones are ~30 MB. */
const MAX_INPUT = 64 * 1024 * 1024;

/**
 * Parses a podcast feed (RSS 2.0, RSS 1.0 or Atom; bytes or text) into the normalized model.
 * Repairs what real feeds get wrong and says so in `warnings`; throws `FeedError` only when the
 * input carries no feed at all. With `options.known`, unchanged items are only fingerprinted.
 * Fingerprints of a feed given as bytes differ from those of the same feed given as text: a
 * caller should stick to one (the app always passes bytes).
 */
export function parseFeed(input: string | Uint8Array, feedUrl?: string, options: ParseOptions = {}): ParsedFeed {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) throw new FeedError('not-a-feed');
  if (input.length > MAX_INPUT) throw new FeedError('too-large');
  const baseUrl = feedUrl && /^https?:\/\//i.test(feedUrl) ? feedUrl : undefined;
  const makeCtx = (): ParseContext => new ParseContext(input.length, baseUrl);
  const [doc, ctx] = prepare(input, makeCtx(), makeCtx);
  const channel = readChannel(doc.channelXml, doc.format, ctx);

  const chosen: number[] = [];
  const unchanged: string[] = [];
  const known = options.known;
  const limit = Math.max(1, options.maxItems ?? MAX_ITEMS);
  const total = doc.fingerprints.length;
  doc.fingerprints.forEach((fp, i) => {
    if (i >= limit) return;
    if (known?.has(fp)) unchanged.push(fp);
    else chosen.push(i);
  });
  if (total > limit) ctx.warn('truncated', `The feed lists ${total} episodes; only the first ${limit} were read`);
  const drafts = parseItems(doc, chosen, ctx);
  if (!channel && drafts.length === 0 && unchanged.length === 0) throw new FeedError('xml');
  const held = unchanged.length > 0 ? idsHeldByUnchanged(doc, chosen, drafts, ctx) : [];
  assignIds(held.length > 0 ? inFeedOrder(drafts, held, doc.fingerprints) : drafts);

  return {
    ...(channel ?? emptyChannel()),
    warnings: ctx.warnings(),
    episodes: drafts.map((d) => d.episode),
    unchanged,
    truncatedFrom: total > limit ? total : null,
  };
}

/**
 * On refresh, a new item may reuse the guid of an unchanged one. Unchanged items holding a new
 * item's id as their guid are parsed as well (usually none), so ids come out as a full parse
 * would make them.
 */
function idsHeldByUnchanged(doc: Prepared, chosen: number[], drafts: ItemDraft[], ctx: ParseContext): ItemDraft[] {
  const guids = drafts.map((d) => d.rawGuid ?? d.contentKey);
  if (guids.length === 0) return [];
  const parsed = new Set(chosen);
  const extra = doc.itemsWithGuid(guids).filter((i) => !parsed.has(i));
  return extra.length === 0 ? [] : parseItems(doc, extra, ctx.quiet());
}

function inFeedOrder(drafts: ItemDraft[], held: ItemDraft[], fingerprints: string[]): ItemDraft[] {
  const position = new Map<string, number>();
  fingerprints.forEach((fp, i) => position.set(fp, i));
  const at = (d: ItemDraft): number => position.get(d.episode.fingerprint) ?? 0;
  return [...drafts, ...held].sort((a, b) => at(a) - at(b));
}
