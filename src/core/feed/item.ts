import type { Enclosure, ParsedEpisode } from '../types';
import type { ParseContext } from './context';
import { parseDate } from './dates';
import { alternateEnclosureOf, fundingOf, licenseOf, personOf, placeOf, soundbiteOf, transcriptOf, valueOf } from './podcast-ns';
import { resolveUrl } from './urls';
import { parseCount, parseDuration, parseExplicit, parseNumber, parseYes } from './values';
import { attr, htmlOf, imageOf, kidsOf, nameOf, oneLine, textOf, titleOf, type XNode } from './xml';

/** An item as read, before ids are made unique across the feed. */
export interface ItemDraft {
  episode: ParsedEpisode;
  /** The item's own guid (or Atom id), trimmed; null when it has none. */
  rawGuid: string | null;
  /** A stable identity from the content: enclosure URL, link, or title + date. */
  contentKey: string;
}

const MEDIA_TYPE = /^(audio|video)\//i;

function enclosureFrom(url: string | null, type: string | null, length: string | null): Enclosure | null {
  if (!url) return null;
  const bytes = parseCount(length);
  return { url, type, length: bytes === null || bytes === 0 ? null : bytes };
}

function isMedia(node: XNode, ctx: ParseContext): boolean {
  const medium = attr(node, 'medium', ctx);
  if (medium) return medium === 'audio' || medium === 'video';
  return MEDIA_TYPE.test(attr(node, 'type', ctx) ?? '');
}

/**
 * Maps one `<item>` (RSS 2.0, RSS 1.0) or `<entry>` (Atom) node to an episode. One switch over the
 * children in document order: the first value of each field wins, as in most podcast apps.
 */
export function mapItem(node: XNode, tag: string, fingerprint: string, ctx: ParseContext): ItemDraft {
  let title = '';
  let itunesTitle = '';
  let guid: string | null = null;
  let date: string | null = null;
  let updated: string | null = null;
  let enclosure: Enclosure | null = null;
  let mediaFallback: Enclosure | null = null;
  let mediaDuration: string | null = null;
  let duration: string | null = null;
  let season: number | null = null;
  let episodeNo: number | null = null;
  let episodeType: string | null = null;
  let explicit: boolean | null = null;
  let chapters: string | null = null;
  let chaptersType: string | null = null;
  let image: string | null = null;
  let link: string | null = null;
  let html = '';
  let htmlRank = 9;
  let block = false;
  const ep: ParsedEpisode = {
    guid: '',
    title: '',
    pubDate: null,
    enclosure: null,
    duration: null,
    season: null,
    episode: null,
    episodeType: null,
    explicit: null,
    chapters: null,
    chaptersType: null,
    transcripts: [],
    persons: [],
    funding: [],
    image: null,
    link: null,
    description: '',
    fingerprint,
  };

  const takeHtml = (kid: XNode, name: string, rank: number): void => {
    if (rank >= htmlRank) return;
    const value = htmlOf(kid, name, ctx);
    if (value) {
      html = value;
      htmlRank = rank;
    }
  };

  for (const kid of kidsOf(node, tag)) {
    const name = nameOf(kid);
    switch (name) {
      case 'title':
        if (!title) title = titleOf(kid, ctx);
        break;
      case 'itunes:title':
        if (!itunesTitle) itunesTitle = textOf(kid, name, ctx);
        break;
      case 'guid':
      case 'id':
        if (guid === null) guid = textOf(kid, name, ctx) || null;
        break;
      case 'pubDate':
      case 'published':
      case 'dc:date':
      case 'pubdate':
        if (date === null) date = parseDate(textOf(kid, name, ctx));
        break;
      case 'updated':
        // Atom's last edit: the publication date only when the entry has no <published>.
        if (updated === null) updated = parseDate(textOf(kid, name, ctx));
        break;
      case 'enclosure':
        if (!enclosure) {
          enclosure = enclosureFrom(resolveUrl(attr(kid, 'url', ctx), ctx), attr(kid, 'type', ctx), attr(kid, 'length', ctx));
        }
        break;
      case 'link': {
        const href = attr(kid, 'href', ctx);
        if (href === null) {
          if (!link) link = resolveUrl(textOf(kid, name, ctx), ctx);
          break;
        }
        const rel = attr(kid, 'rel', ctx) ?? 'alternate';
        if (rel === 'enclosure' && !enclosure) {
          enclosure = enclosureFrom(resolveUrl(href, ctx), attr(kid, 'type', ctx), attr(kid, 'length', ctx));
        } else if (rel === 'alternate' && !link) link = resolveUrl(href, ctx);
        break;
      }
      case 'media:content':
      case 'media:group': {
        const candidates = name === 'media:group' ? kidsOf(kid, name) : [kid];
        for (const c of candidates) {
          if (mediaFallback || nameOf(c) !== 'media:content' || !isMedia(c, ctx)) continue;
          mediaFallback = enclosureFrom(resolveUrl(attr(c, 'url', ctx), ctx), attr(c, 'type', ctx), attr(c, 'fileSize', ctx));
          mediaDuration = attr(c, 'duration', ctx);
        }
        break;
      }
      case 'itunes:duration':
        if (duration === null) duration = textOf(kid, name, ctx);
        break;
      case 'itunes:season':
      case 'podcast:season':
        season ??= parseCount(textOf(kid, name, ctx));
        break;
      case 'itunes:episode':
        episodeNo ??= parseCount(textOf(kid, name, ctx));
        break;
      case 'podcast:episode': {
        // The namespace allows decimals ("10.5" for a bonus between 10 and 11).
        const n = parseNumber(textOf(kid, name, ctx));
        if (n !== null && n >= 0) episodeNo ??= n;
        break;
      }
      case 'itunes:episodeType':
        episodeType ??= textOf(kid, name, ctx).toLowerCase() || null;
        break;
      case 'itunes:explicit':
        explicit ??= parseExplicit(textOf(kid, name, ctx));
        break;
      case 'itunes:block':
        block = parseYes(textOf(kid, name, ctx));
        break;
      case 'podcast:chapters':
        if (!chapters) {
          chapters = resolveUrl(attr(kid, 'url', ctx), ctx);
          chaptersType = chapters ? attr(kid, 'type', ctx) : null;
        }
        break;
      case 'itunes:image':
        image ??= imageOf(kid, name, ctx);
        break;
      case 'media:thumbnail':
        image ??= resolveUrl(attr(kid, 'url', ctx), ctx);
        break;
      case 'content:encoded':
        takeHtml(kid, name, 0);
        break;
      case 'content':
        takeHtml(kid, name, 1);
        break;
      case 'description':
        takeHtml(kid, name, 2);
        break;
      case 'summary':
        takeHtml(kid, name, 3);
        break;
      case 'itunes:summary':
        takeHtml(kid, name, 4);
        break;
      case 'itunes:subtitle':
        if (htmlRank > 5) {
          html = textOf(kid, name, ctx);
          if (html) htmlRank = 5;
        }
        break;
      case 'podcast:transcript': {
        const t = transcriptOf(kid, ctx);
        if (t) ep.transcripts.push(t);
        break;
      }
      case 'podcast:person': {
        const p = personOf(kid, ctx);
        if (p) ep.persons.push(p);
        break;
      }
      case 'podcast:funding': {
        const f = fundingOf(kid, ctx);
        if (f) ep.funding.push(f);
        break;
      }
      case 'podcast:soundbite': {
        const s = soundbiteOf(kid, ctx);
        if (s) (ep.soundbites ??= []).push(s);
        break;
      }
      case 'podcast:alternateEnclosure': {
        const a = alternateEnclosureOf(kid, ctx);
        if (a) (ep.alternateEnclosures ??= []).push(a);
        break;
      }
      case 'podcast:location':
        ep.location ??= placeOf(kid, ctx);
        break;
      case 'podcast:license':
        ep.license ??= licenseOf(kid, ctx);
        break;
      case 'podcast:value':
        ep.value ??= valueOf(kid, ctx);
        break;
    }
  }

  ep.enclosure = enclosure ?? mediaFallback;
  ep.title = oneLine(title || itunesTitle);
  ep.pubDate = date ?? updated;
  ep.duration = parseDuration(duration ?? (enclosure ? null : mediaDuration));
  ep.season = season;
  ep.episode = episodeNo;
  ep.episodeType = episodeType;
  ep.explicit = explicit;
  ep.chapters = chapters;
  ep.chaptersType = chaptersType;
  ep.image = image;
  ep.link = link;
  ep.description = html;
  if (block) ep.block = true;
  const contentKey = ep.enclosure?.url ?? link ?? (ep.title || ep.pubDate ? `${ep.title}\u0000${ep.pubDate ?? ''}` : fingerprint);
  return { episode: ep, rawGuid: guid, contentKey };
}
