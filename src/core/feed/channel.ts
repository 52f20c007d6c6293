import type { ParsedFeed } from '../types';
import type { ParseContext } from './context';
import { FeedError } from './errors';
import type { FeedFormat } from './preflight';
import { balanceXml } from './repair';
import { fundingOf, licenseOf, personOf, placeOf, trailerOf, valueOf } from './podcast-ns';
import { resolveUrl } from './urls';
import { parseExplicit, parseYes } from './values';
import { attr, htmlOf, imageOf, kidsOf, nameOf, oneLine, parseXml, textOf, titleOf, type XNode } from './xml';

export type ChannelFields = Omit<ParsedFeed, 'warnings' | 'episodes' | 'unchanged'>;

export function emptyChannel(): ChannelFields {
  return {
    title: '',
    link: null,
    image: null,
    author: null,
    description: '',
    language: null,
    newFeedUrl: null,
    categories: [],
    explicit: null,
    complete: false,
    locked: false,
    podcastGuid: null,
    funding: [],
    persons: [],
  };
}

function addCategories(node: XNode, name: string, out: string[], ctx: ParseContext): void {
  const text = attr(node, 'text', ctx);
  if (text && !out.includes(text)) out.push(text);
  for (const kid of kidsOf(node, name)) {
    if (nameOf(kid) === 'itunes:category') addCategories(kid, 'itunes:category', out, ctx);
  }
}

/** The show's notes: the fullest field present wins; a subtitle is the one-line fallback. */
const DESCRIPTION_RANK: Record<string, number> = {
  description: 0,
  'itunes:summary': 1,
  subtitle: 2,
  'itunes:subtitle': 3,
};

function firstChildText(node: XNode, name: string, child: string, ctx: ParseContext): string | null {
  for (const kid of kidsOf(node, name)) if (nameOf(kid) === child) return textOf(kid, child, ctx) || null;
  return null;
}

/**
 * Maps the channel (RSS) or feed (Atom) element. Its items were cut out before parsing, so this
 * walks only the show's own fields. Author falls back from itunes:author to the owner and editor.
 */
export function mapChannel(node: XNode, tag: string, ctx: ParseContext): ChannelFields {
  const ch = emptyChannel();
  let itunesAuthor: string | null = null;
  let otherAuthor: string | null = null;
  let imageUrl: string | null = null;
  let itunesImage: string | null = null;
  // Atom's logo is the artwork; its icon is a favicon, used only when nothing else is given.
  let atomLogo: string | null = null;
  let html = '';
  let htmlRank = 9;
  const plainCategories: string[] = [];
  for (const kid of kidsOf(node, tag)) {
    const name = nameOf(kid);
    switch (name) {
      case 'title':
        ch.title ||= oneLine(titleOf(kid, ctx));
        break;
      case 'link': {
        const href = attr(kid, 'href', ctx);
        if (href === null) ch.link ??= resolveUrl(textOf(kid, name, ctx), ctx);
        else if ((attr(kid, 'rel', ctx) ?? 'alternate') === 'alternate') ch.link ??= resolveUrl(href, ctx);
        break;
      }
      case 'description':
      case 'subtitle':
      case 'itunes:summary':
      case 'itunes:subtitle': {
        const rank = DESCRIPTION_RANK[name];
        if (rank < htmlRank) {
          const value = name.endsWith('subtitle') ? textOf(kid, name, ctx) : htmlOf(kid, name, ctx);
          if (value) [html, htmlRank] = [value, rank];
        }
        break;
      }
      case 'language':
        ch.language ??= textOf(kid, name, ctx) || null;
        break;
      case 'itunes:author':
        itunesAuthor ??= textOf(kid, name, ctx) || null;
        break;
      case 'author':
        otherAuthor ??= firstChildText(kid, name, 'name', ctx) ?? (textOf(kid, name, ctx) || null);
        break;
      case 'managingEditor':
      case 'dc:creator':
        otherAuthor ??= textOf(kid, name, ctx) || null;
        break;
      case 'itunes:owner': {
        const ownerName = firstChildText(kid, name, 'itunes:name', ctx);
        const email = firstChildText(kid, name, 'itunes:email', ctx);
        ch.owner ??= ownerName || email ? { name: ownerName, email } : null;
        break;
      }
      case 'image':
        imageUrl ??= resolveUrl(firstChildText(kid, name, 'url', ctx), ctx);
        break;
      case 'itunes:image':
        itunesImage ??= imageOf(kid, name, ctx);
        break;
      case 'logo':
        atomLogo ??= resolveUrl(textOf(kid, name, ctx), ctx);
        break;
      case 'icon':
        imageUrl ??= resolveUrl(textOf(kid, name, ctx), ctx);
        break;
      case 'itunes:new-feed-url':
        ch.newFeedUrl ??= resolveUrl(textOf(kid, name, ctx), ctx);
        break;
      case 'itunes:category':
        addCategories(kid, name, ch.categories, ctx);
        break;
      case 'category': {
        const value = textOf(kid, name, ctx) || attr(kid, 'term', ctx);
        if (value && !plainCategories.includes(value)) plainCategories.push(value);
        break;
      }
      case 'itunes:explicit':
        ch.explicit ??= parseExplicit(textOf(kid, name, ctx));
        break;
      case 'itunes:complete':
        ch.complete ||= parseYes(textOf(kid, name, ctx));
        break;
      case 'itunes:block':
        ch.block ||= parseYes(textOf(kid, name, ctx));
        break;
      case 'itunes:type':
        ch.itunesType ??= textOf(kid, name, ctx).toLowerCase() || null;
        break;
      case 'podcast:locked':
        ch.locked ||= parseYes(textOf(kid, name, ctx));
        break;
      case 'podcast:guid':
        ch.podcastGuid ??= textOf(kid, name, ctx) || null;
        break;
      case 'podcast:medium':
        ch.medium ??= textOf(kid, name, ctx).toLowerCase() || null;
        break;
      case 'podcast:funding': {
        const f = fundingOf(kid, ctx);
        if (f) ch.funding.push(f);
        break;
      }
      case 'podcast:person': {
        const p = personOf(kid, ctx);
        if (p) ch.persons.push(p);
        break;
      }
      case 'podcast:trailer': {
        const t = trailerOf(kid, ctx);
        if (t) (ch.trailers ??= []).push(t);
        break;
      }
      case 'podcast:license':
        ch.license ??= licenseOf(kid, ctx);
        break;
      case 'podcast:location':
        ch.location ??= placeOf(kid, ctx);
        break;
      case 'podcast:value':
        ch.value ??= valueOf(kid, ctx);
        break;
    }
  }
  ch.author = itunesAuthor ?? ch.owner?.name ?? otherAuthor;
  ch.image = itunesImage ?? atomLogo ?? imageUrl;
  // Atom states its language on the root element.
  ch.language ??= attr(node, 'xml:lang', ctx);
  ch.description = html;
  if (ch.categories.length === 0) ch.categories = plainCategories;
  return ch;
}

function channelNode(nodes: XNode[], format: FeedFormat, ctx: ParseContext): { node: XNode; tag: string } | null {
  for (const root of nodes) {
    const rootName = nameOf(root);
    if (format === 'atom') {
      if (rootName === 'feed') return { node: root, tag: rootName };
      continue;
    }
    if (rootName !== 'rss' && !rootName.endsWith('RDF')) continue;
    for (const kid of kidsOf(root, rootName)) {
      if (nameOf(kid) === 'channel') return { node: kid, tag: 'channel' };
    }
    // Some broken feeds drop <channel> and put its elements straight under <rss>.
    ctx.warn('no-channel', 'Read the show details from <rss>: the <channel> element is missing');
    return { node: root, tag: rootName };
  }
  return null;
}

function tryChannel(xml: string, format: FeedFormat, ctx: ParseContext): ChannelFields | null {
  try {
    const found = channelNode(parseXml(xml), format, ctx);
    return found ? mapChannel(found.node, found.tag, ctx) : null;
  } catch (err) {
    if (err instanceof FeedError) throw err;
    return null;
  }
}

/**
 * The show's own fields. The channel text is small, so it is always run through the repairer:
 * a stray closing tag there would otherwise silently move the fields after it out of the channel.
 */
export function readChannel(xml: string, format: FeedFormat, ctx: ParseContext): ChannelFields | null {
  return tryChannel(balanceXml(xml, ctx), format, ctx) ?? tryChannel(xml, format, ctx.quiet());
}
