import type { AlternateEnclosure, Funding, License, Person, Place, Soundbite, Trailer, Transcript, ValueBlock, ValueRecipient } from '../types';
import type { ParseContext } from './context';
import { parseDate } from './dates';
import { parseCount, parseNumber, parseYes } from './values';
import { resolveUrl } from './urls';
import { attr, kidsOf, nameOf, textOf, type XNode } from './xml';

/** Mappers for the Podcasting 2.0 namespace elements the app shows or keeps. */

export function personOf(node: XNode, ctx: ParseContext): Person | null {
  const name = textOf(node, 'podcast:person', ctx);
  if (!name) return null;
  return {
    name,
    // The namespace's defaults: a person with no role is the host, in the cast group.
    role: attr(node, 'role', ctx)?.toLowerCase() ?? 'host',
    group: attr(node, 'group', ctx)?.toLowerCase() ?? 'cast',
    img: resolveUrl(attr(node, 'img', ctx), ctx),
    href: resolveUrl(attr(node, 'href', ctx), ctx),
  };
}

export function fundingOf(node: XNode, ctx: ParseContext): Funding | null {
  const url = resolveUrl(attr(node, 'url', ctx), ctx);
  if (!url) return null;
  return { url, title: textOf(node, 'podcast:funding', ctx) || null };
}

export function transcriptOf(node: XNode, ctx: ParseContext): Transcript | null {
  const url = resolveUrl(attr(node, 'url', ctx), ctx);
  const type = attr(node, 'type', ctx);
  if (!url || !type) return null;
  return { url, type, language: attr(node, 'language', ctx), rel: attr(node, 'rel', ctx) };
}

export function soundbiteOf(node: XNode, ctx: ParseContext): Soundbite | null {
  const startTime = parseNumber(attr(node, 'startTime', ctx));
  const duration = parseNumber(attr(node, 'duration', ctx));
  if (startTime === null || duration === null || startTime < 0 || duration <= 0) return null;
  return { startTime, duration, title: textOf(node, 'podcast:soundbite', ctx) || null };
}

export function placeOf(node: XNode, ctx: ParseContext): Place | null {
  const name = textOf(node, 'podcast:location', ctx);
  if (!name) return null;
  return { name, geo: attr(node, 'geo', ctx), osm: attr(node, 'osm', ctx) };
}

export function licenseOf(node: XNode, ctx: ParseContext): License | null {
  const name = textOf(node, 'podcast:license', ctx);
  if (!name) return null;
  return { name, url: resolveUrl(attr(node, 'url', ctx), ctx) };
}

export function trailerOf(node: XNode, ctx: ParseContext): Trailer | null {
  const url = resolveUrl(attr(node, 'url', ctx), ctx);
  if (!url) return null;
  return {
    url,
    title: textOf(node, 'podcast:trailer', ctx),
    pubDate: parseDate(attr(node, 'pubdate', ctx)),
    type: attr(node, 'type', ctx),
    length: parseCount(attr(node, 'length', ctx)),
    season: parseCount(attr(node, 'season', ctx)),
  };
}

export function alternateEnclosureOf(node: XNode, ctx: ParseContext): AlternateEnclosure | null {
  const type = attr(node, 'type', ctx);
  if (!type) return null;
  const sources: string[] = [];
  for (const kid of kidsOf(node, 'podcast:alternateEnclosure')) {
    if (nameOf(kid) !== 'podcast:source') continue;
    const uri = resolveUrl(attr(kid, 'uri', ctx), ctx);
    if (uri) sources.push(uri);
  }
  if (sources.length === 0) return null;
  return {
    type,
    length: parseCount(attr(node, 'length', ctx)),
    bitrate: parseNumber(attr(node, 'bitrate', ctx)),
    title: attr(node, 'title', ctx),
    isDefault: parseYes(attr(node, 'default', ctx)),
    sources,
  };
}

export function valueOf(node: XNode, ctx: ParseContext): ValueBlock | null {
  const type = attr(node, 'type', ctx);
  const method = attr(node, 'method', ctx);
  if (!type || !method) return null;
  const recipients: ValueRecipient[] = [];
  for (const kid of kidsOf(node, 'podcast:value')) {
    if (nameOf(kid) !== 'podcast:valueRecipient') continue;
    const address = attr(kid, 'address', ctx);
    const recipientType = attr(kid, 'type', ctx);
    const split = parseNumber(attr(kid, 'split', ctx));
    if (!address || !recipientType || split === null) continue;
    recipients.push({
      name: attr(kid, 'name', ctx),
      type: recipientType,
      address,
      split,
      fee: parseYes(attr(kid, 'fee', ctx)),
      customKey: attr(kid, 'customKey', ctx),
      customValue: attr(kid, 'customValue', ctx),
    });
  }
  return { type, method, suggested: attr(node, 'suggested', ctx), recipients };
}
