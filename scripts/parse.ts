/**
 * `npm run --silent parse -- [--summary] <file-or-url>...`: prints each feed as the app sees it.
 * URLs go through the server proxy's own fetch (SSRF guard, redirects, size and time caps), so a
 * feed that fails here fails the same way in the app. Exit codes: 0 ok, 2 not a readable feed
 * (FeedError, message on stderr), 1 anything else (usage, missing file, fetch refused).
 */
import { readFile } from 'node:fs/promises';
import { fetchFeed } from '../server/proxy/fetch-feed';
import { FeedError, parseFeed } from '../src/core/feed/index';
import type { ParsedEpisode, ParsedFeed } from '../src/core/types';

const USAGE = 'usage: npm run --silent parse -- [--summary] <file-or-url>...';

async function load(source: string): Promise<{ body: Uint8Array; url?: string }> {
  if (/^https?:\/\//i.test(source)) {
    // HTML is let through so the parser, not the fetch, names the problem (exit code 2).
    const res = await fetchFeed(source, { allowHtml: true });
    return { body: res.body, url: res.finalUrl };
  }
  return { body: new Uint8Array(await readFile(source)) };
}

/** The documented fields first, in the documented order, then everything else the model has. */
function forPrinting(feed: ParsedFeed): unknown {
  const { title, warnings, link, image, author, description, language, episodes, ...rest } = feed;
  return { title, warnings, link, image, author, description, language, ...rest, episodes: episodes.map(episodeForPrinting) };
}

function episodeForPrinting(e: ParsedEpisode): unknown {
  const { guid, title, pubDate, enclosure, duration, season, episode, explicit, chapters, transcripts, persons, image, link, description, ...rest } = e;
  return { guid, title, pubDate, enclosure, duration, season, episode, explicit, chapters, transcripts, persons, image, link, description, ...rest };
}

function summaryLine(feed: ParsedFeed): string {
  let newest: string | null = null;
  for (const e of feed.episodes) if (e.pubDate && (!newest || e.pubDate > newest)) newest = e.pubDate;
  const count = `${feed.episodes.length} episode${feed.episodes.length === 1 ? '' : 's'}`;
  return `${feed.title || '(untitled)'} — ${count} — newest ${newest ? newest.slice(0, 10) : 'unknown'}`;
}

async function main(argv: string[]): Promise<number> {
  const summary = argv.includes('--summary');
  const sources = argv.filter((a) => a !== '--summary' && a !== '--');
  if (sources.length === 0 || sources.some((s) => s.startsWith('--'))) {
    process.stderr.write(USAGE + '\n');
    return 1;
  }
  let exit = 0;
  for (const source of sources) {
    try {
      const { body, url } = await load(source);
      const feed = parseFeed(body, url);
      process.stdout.write(summary ? summaryLine(feed) + '\n' : JSON.stringify(forPrinting(feed), null, 2) + '\n');
    } catch (err) {
      const feedError = err instanceof FeedError;
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`${source}: ${message}\n`);
      exit = Math.max(exit, feedError ? 2 : 1);
    }
  }
  return exit;
}

// Exit explicitly: the proxy's connection pool would otherwise keep the process alive.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
