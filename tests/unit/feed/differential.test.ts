import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ParseContext } from '../../../src/core/feed/context';
import { decodeBytes } from '../../../src/core/feed/decode';
import { parseFeed } from '../../../src/core/feed/index';
import type { ParsedEpisode } from '../../../src/core/types';
import { corpusDir, corpusWarning, hasCorpus, rss } from './helpers';

/**
 * Differential test against podcast-partytime on titles, enclosure URLs, publication dates and
 * durations over the corpus. Every disagreement must fall under one of the rules below, and each
 * rule is pinned by a test showing why our answer is the right one.
 */

type PartytimeParse = (
  xml: string,
  options?: { allowMissingGuid?: boolean },
) => {
  items: { title?: string; enclosure: { url: string }; pubDate?: Date; duration?: number }[];
} | null;

let partytime: PartytimeParse;
beforeAll(async () => {
  process.env.PARTYTIME_LOG = 'silent'; // partytime logs through pino otherwise
  vi.spyOn(console, 'warn').mockImplementation(() => undefined); // its "missing guid" chatter
  partytime = ((await import('podcast-partytime')) as unknown as { parseFeed: PartytimeParse }).parseFeed;
});
afterAll(() => vi.restoreAllMocks());

interface Raw {
  pubDate: string | null;
  duration: string | null;
}

/** The raw pubDate / itunes:duration text of each item with an enclosure, in feed order. */
function rawItems(text: string): Raw[] {
  const out: Raw[] = [];
  for (const m of text.matchAll(/<item[\s>][\s\S]*?<\/item>/g)) {
    if (!/<enclosure\b[^>]*\burl=/.test(m[0])) continue;
    const pick = (tag: string): string | null => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(m[0])?.[1]?.trim() ?? null;
    out.push({ pubDate: pick('pubDate'), duration: pick('itunes:duration') });
  }
  return out;
}

type Field = 'title' | 'url' | 'pubDate' | 'duration';

/** Why a disagreement is fine, or null when it is not explained. */
function explain(field: Field, ours: unknown, theirs: unknown, raw: Raw | undefined): string | null {
  if (field === 'duration') {
    if (ours === null && theirs === 0 && !raw?.duration) return 'unknown duration: partytime says 0';
    if (ours === null && theirs === 1800 && raw?.duration && !/^\d+(:\d+)*$/.test(raw.duration)) {
      return 'unreadable duration: partytime invents 30 minutes';
    }
    if (typeof theirs === 'number' && !Number.isInteger(theirs) && ours === Math.round(theirs)) {
      return 'fractional seconds: we keep whole seconds';
    }
  }
  if (field === 'pubDate' && raw?.pubDate && /\bGMT\s+[A-Z]{3,4}$/.test(raw.pubDate)) {
    const gmt = new Date(raw.pubDate.replace(/\s+[A-Z]{3,4}$/, '')).toISOString();
    if (ours === gmt) return 'two zones written: we take the first (GMT), partytime the last';
  }
  if (field === 'title' && typeof theirs === 'string' && ours === theirs.replace(/\s+/g, ' ').trim()) {
    return 'whitespace: we put titles on one line with plain spaces';
  }
  return null;
}

const suite = hasCorpus ? describe : describe.skip;
if (!hasCorpus) corpusWarning();

suite('differential against podcast-partytime over the corpus', () => {
  it('agrees on every title, enclosure URL, pubDate and duration, or the difference is explained', () => {
    const unexplained: string[] = [];
    const reasons = new Map<string, number>();
    let compared = 0;
    for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.xml'))) {
      const bytes = new Uint8Array(readFileSync(path.join(corpusDir, file)));
      let ours: ParsedEpisode[];
      try {
        ours = parseFeed(bytes).episodes.filter((e) => e.enclosure);
      } catch {
        continue; // the HTML page: covered by the corpus suite
      }
      // Both parsers get the same decoded text: this compares parsing, not charset handling.
      const text = decodeBytes(bytes, new ParseContext(0, undefined));
      let theirs: ReturnType<PartytimeParse>;
      try {
        theirs = partytime(text, { allowMissingGuid: true });
      } catch {
        theirs = null; // partytime throws on Atom
      }
      if (!theirs) continue; // partytime refuses every broken feed; we read them (corpus suite)
      const raws = rawItems(text);
      const byUrl = new Map(ours.map((e, i) => [e.enclosure?.url, i]));
      theirs.items.forEach((item, k) => {
        const i = ours.length === theirs.items.length ? k : byUrl.get(item.enclosure.url);
        const mine = i === undefined ? undefined : ours[i];
        if (!mine) {
          unexplained.push(`${file}: partytime item ${k} (${item.enclosure.url}) has no counterpart`);
          return;
        }
        const pairs: [Field, unknown, unknown][] = [
          ['title', mine.title, item.title ?? ''],
          ['url', mine.enclosure?.url, item.enclosure.url],
          ['pubDate', mine.pubDate, item.pubDate ? item.pubDate.toISOString() : null],
          ['duration', mine.duration, item.duration ?? null],
        ];
        for (const [field, a, b] of pairs) {
          compared++;
          if (a === b) continue;
          const why = explain(field, a, b, raws[i as number]);
          if (why) reasons.set(why, (reasons.get(why) ?? 0) + 1);
          else unexplained.push(`${file} #${i} ${field}: ours ${JSON.stringify(a)}, partytime ${JSON.stringify(b)}`);
        }
      });
    }
    expect(compared).toBeGreaterThan(40_000);
    expect(unexplained).toEqual([]);
    expect([...reasons.keys()].sort()).toEqual([
      'fractional seconds: we keep whole seconds',
      'two zones written: we take the first (GMT), partytime the last',
      'unknown duration: partytime says 0',
      'unreadable duration: partytime invents 30 minutes',
      'whitespace: we put titles on one line with plain spaces',
    ]);
    // Two parsers over the whole corpus: ~10 s idle, and a loaded 2-core machine can triple that.
    // Nothing here is a timing check, so the runner's timeout only stops a runaway.
  }, 300_000);
});

describe('pinned disagreements with podcast-partytime: why ours is right', () => {
  const one = (itemXml: string): [ParsedEpisode | undefined, ReturnType<PartytimeParse>] => {
    const xml = rss(`<item><title>T</title><guid>g</guid>${itemXml}<enclosure url="https://x.test/a.mp3" type="audio/mpeg" length="1"/></item>`);
    return [parseFeed(xml).episodes[0], partytime(xml)];
  };

  it('an episode without itunes:duration has an unknown duration (null), not a length of 0 s', () => {
    const [ours, theirs] = one('');
    expect(ours?.duration).toBeNull();
    expect(theirs?.items[0]?.duration).toBe(0); // a player would show 0:00 and a full progress bar
  });

  it('an unreadable duration is unknown, not an invented 30 minutes', () => {
    const [ours, theirs] = one('<itunes:duration>about an hour</itunes:duration>');
    expect(ours?.duration).toBeNull();
    expect(theirs?.items[0]?.duration).toBe(1800);
  });

  it('durations are whole seconds, as itunes:duration defines them', () => {
    const [ours, theirs] = one('<itunes:duration>1014.708375</itunes:duration>');
    expect(ours?.duration).toBe(1015);
    expect(theirs?.items[0]?.duration).toBe(1014.708375);
  });

  it('"… 00:00:00 GMT EST" is read in the first zone written (GMT), not the trailing one', () => {
    const [ours] = one('<pubDate>Wed, 4 May 2005 00:00:00 GMT EST</pubDate>');
    expect(ours?.pubDate).toBe('2005-05-04T00:00:00.000Z');
  });

  it('titles are one line: newlines, tabs and no-break spaces become single spaces', () => {
    const xml = rss('<item><title>Radio verit&#xA0;:\n\t Linus  Fantozzi</title></item>');
    expect(parseFeed(xml).episodes[0]?.title).toBe('Radio verit : Linus Fantozzi');
  });
});
