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

/**
 * Resolves once the text has left this process. Into a pipe, stdout is asynchronous: exiting right
 * after write() dropped everything past the pipe's buffer (64–128 KiB), so `parse big.xml | jq` saw
 * broken JSON. A reader that went away (`| head`) is not an error worth a stack trace.
 */
function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err && (err as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(err) : resolve()));
  });
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
      await writeOut(summary ? summaryLine(feed) + '\n' : JSON.stringify(forPrinting(feed), null, 2) + '\n');
    } catch (err) {
      const feedError = err instanceof FeedError;
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`${source}: ${message}\n`);
      exit = Math.max(exit, feedError ? 2 : 1);
    }
  }
  return exit;
}

// A reader that closed the pipe early (`| head`) has all it wanted: stop quietly, as Unix tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

// Exit explicitly, once every write has drained: the proxy's connection pool would otherwise keep the process alive.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
