import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../fixtures/fixture-server';
import { fixtureText, fixturesDir, repoRoot } from './helpers';

const run = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run --silent parse -- …`, minus npm: node with tsx on scripts/parse.ts. */
async function parse(args: string[], env: Record<string, string> = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const fixture = (name: string): string => path.join(fixturesDir, name);

describe('the parse CLI', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
    server.setFeed('cli-show.xml', fixtureText('podcast20.xml'));
    server.setFeed('cli-page.html', '<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>');
  });
  afterAll(() => server.close());

  it('prints the normalized feed as JSON, documented fields first', async () => {
    const res = await parse([fixture('podcast20.xml')]);
    expect(res.code).toBe(0);
    const feed = JSON.parse(res.stdout) as Record<string, unknown> & { episodes: Record<string, unknown>[] };
    expect(Object.keys(feed).slice(0, 7)).toEqual(['title', 'warnings', 'link', 'image', 'author', 'description', 'language']);
    expect(Object.keys(feed.episodes[0] ?? {}).slice(0, 14)).toEqual([
      'guid',
      'title',
      'pubDate',
      'enclosure',
      'duration',
      'season',
      'episode',
      'explicit',
      'chapters',
      'transcripts',
      'persons',
      'image',
      'link',
      'description',
    ]);
    expect(feed.episodes[0]).toMatchObject({ guid: '626005748647800012270518', title: '1e3', duration: 1590 });
  }, 30_000);

  it('prints one line per feed with --summary', async () => {
    const res = await parse(['--summary', fixture('podcast20.xml'), fixture('truncated.xml'), path.join(fixturesDir, 'php-warning.xml')]);
    expect(res.code).toBe(0);
    expect(res.stdout.trim().split('\n')).toEqual(['Hopcast & Friends — 2 episodes — newest 2021-03-02', 'Cut off — 2 episodes — newest unknown', 'PHP show — 2 episodes — newest unknown']);
  }, 30_000);

  it('fetches a URL through the proxy fetch and resolves relative URLs against it', async () => {
    const url = `${server.origin}/feeds/cli-show.xml`;
    const res = await parse([url], { HOPCAST_PROXY_ALLOW: `127.0.0.1:${server.port}` });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const feed = JSON.parse(res.stdout) as { image: string; episodes: { enclosure: { url: string } }[] };
    expect(feed.image).toBe(`${server.origin}/art/show.jpg`);
    expect(feed.episodes[0]?.enclosure.url).toBe(`${server.origin}/audio/ep1000.mp3?x=1&y=2`);
  }, 30_000);

  it('exits 2 with the FeedError message for a web page, 1 for a refused fetch', async () => {
    const page = await parse([`${server.origin}/page/cli-page.html`], { HOPCAST_PROXY_ALLOW: `127.0.0.1:${server.port}` });
    expect(page.code).toBe(2);
    expect(page.stdout).toBe('');
    expect(page.stderr).toBe(`${server.origin}/page/cli-page.html: This address returned a web page, not a podcast feed\n`);
    // Without the allow-list the proxy's guard refuses loopback, as it does for the app.
    const refused = await parse([`${server.origin}/feeds/cli-show.xml`], { HOPCAST_PROXY_ALLOW: '' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feeds\/cli-show\.xml: .+/);
  }, 30_000);

  describe('in a shell pipe, with a feed over 1 MB', () => {
    let dir: string;
    let big: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'hopcast-cli-'));
      big = path.join(dir, 'big.xml');
      const notes = 'Show notes that go on for a while. '.repeat(40);
      const items = Array.from(
        { length: 1500 },
        (_, i) => `<item><guid>ep-${i}</guid><title>Episode ${i}</title><description>${notes}</description>` + `<enclosure url="https://example.com/${i}.mp3" length="1000" type="audio/mpeg"/></item>`,
      ).join('');
      writeFileSync(big, `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const sh = (pipeline: string) => run('/bin/sh', ['-c', pipeline], { cwd: repoRoot, env: { ...process.env, BIG: big }, maxBuffer: 64 * 1024 * 1024 });

    it('delivers every byte to the next command (the JSON parses whole)', async () => {
      const whole = await sh(`"${process.execPath}" --import tsx scripts/parse.ts "$BIG" > "$BIG.json" && wc -c < "$BIG.json"`);
      const expected = Number(whole.stdout.trim());
      expect(expected).toBeGreaterThan(1024 * 1024);
      const piped = await sh(`"${process.execPath}" --import tsx scripts/parse.ts "$BIG" | wc -c`);
      expect(Number(piped.stdout.trim())).toBe(expected);
      const parsed = await sh(`"${process.execPath}" --import tsx scripts/parse.ts "$BIG" | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)["episodes"]))'`);
      expect(parsed.stdout.trim()).toBe('1500');
    }, 60_000);

    it('stops quietly with exit 0 when the reader closes the pipe early', async () => {
      const res = await run('/bin/bash', ['-c', `"${process.execPath}" --import tsx scripts/parse.ts "$BIG" | head -c 100 > /dev/null; echo "parse exit \${PIPESTATUS[0]}"`], {
        cwd: repoRoot,
        env: { ...process.env, BIG: big },
      });
      expect(res.stdout.trim()).toBe('parse exit 0');
      expect(res.stderr).toBe('');
    }, 60_000);
  });
});
