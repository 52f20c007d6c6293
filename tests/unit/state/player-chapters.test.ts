import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { freshDb, requestUrl, storedEpisode } from './helpers';

/**
 * Chapters of the episode in the player: the player's signals and seek are pretend (recorded),
 * the chapters host is a fetch stub, the stored-chapters store is real (empty).
 */
const page = vi.hoisted(() => ({ seeks: [] as number[], time: 0 }));
const A = 'https://cdn.example/a-chapters.json';
const B = 'https://cdn.example/b-chapters.json';
const chaptersJson = JSON.stringify({
  version: '1.2.0',
  chapters: [
    { startTime: 0, title: 'Intro' },
    { startTime: 60, title: 'News' },
    { startTime: 300, title: 'Interview' },
  ],
});

let answers: Map<string, () => Promise<Response>>;
let fetched: string[];

async function load() {
  vi.resetModules();
  // Fresh pretend player signals per test: a mock factory's result outlives vi.resetModules(), and
  // an earlier test's effect would otherwise still react to them.
  vi.doMock('../../../src/state/player', async () => {
    const { signal } = await import('@preact/signals');
    const position = signal(0);
    return {
      currentEpisode: signal(null),
      position,
      currentTime: () => position.value,
      seekTo: (to: number) => void page.seeks.push(to),
    };
  });
  await freshDb();
  const m = await import('../../../src/state/player-chapters');
  const player = (await import('../../../src/state/player')) as unknown as { currentEpisode: { value: unknown }; position: { value: number } };
  m.startChapters();
  return { m, player };
}
let s: Awaited<ReturnType<typeof load>>;

const withChapters = (guid: string, url: string | null) => ({ ...storedEpisode('https://feeds.example/show.xml', guid, 1), chapters: url });

beforeEach(async () => {
  page.seeks = [];
  fetched = [];
  answers = new Map([[A, async () => new Response(chaptersJson, { headers: { 'content-type': 'application/json' } })]]);
  vi.stubGlobal('fetch', async (input: string | URL | Request) => {
    const url = requestUrl(input);
    fetched.push(url);
    const answer = answers.get(url);
    return answer ? answer() : new Response('not found', { status: 404 });
  });
  s = await load();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('player chapters', () => {
  test('load when the episode changes; the current chapter follows the position; next and previous seek', async () => {
    expect(s.m.chaptersState.value).toEqual({ status: 'none' });
    s.player.currentEpisode.value = withChapters('a', A);
    await vi.waitFor(() => expect(s.m.chaptersState.value.status).toBe('ready'));
    expect(s.m.listedChapters.value.map((c) => c.title)).toEqual(['Intro', 'News', 'Interview']);

    s.player.position.value = 75;
    expect(s.m.currentChapter.value?.title).toBe('News');
    expect(s.m.nextChapter()).toBe(true);
    // Well into a chapter, "previous" goes to its start; near the start, to the one before.
    expect(s.m.previousChapter()).toBe(true);
    s.player.position.value = 61;
    s.m.previousChapter();
    expect(page.seeks).toEqual([300, 60, 0]);
    s.player.position.value = 400;
    expect(s.m.nextChapter()).toBe(false);
  });

  test('chapters read once are not fetched again when their episode comes back', async () => {
    s.player.currentEpisode.value = withChapters('a', A);
    await vi.waitFor(() => expect(s.m.chaptersState.value.status).toBe('ready'));
    s.player.currentEpisode.value = withChapters('none', null);
    expect(s.m.chaptersState.value).toEqual({ status: 'none' });
    expect(s.m.hasChapters.value).toBe(false);
    s.player.currentEpisode.value = withChapters('a', A);
    await vi.waitFor(() => expect(s.m.chaptersState.value.status).toBe('ready'));
    expect(fetched).toEqual([A]);
  });

  test('a host error is shown as the chapters’ error', async () => {
    s.player.currentEpisode.value = withChapters('b', B);
    await vi.waitFor(() => expect(s.m.chaptersState.value).toEqual({ status: 'error', url: B, message: 'The chapters could not be loaded (HTTP 404).' }));
    expect(s.m.nextChapter()).toBe(false);
    expect(s.m.previousChapter()).toBe(false);
    expect(page.seeks).toEqual([]);
  });

  test('a slow load for an episode no longer in the player is cancelled, and the new one shows', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let staleSignal: AbortSignal | undefined;
    answers.set(B, async () => {
      await gate;
      return new Response(JSON.stringify({ version: '1.2.0', chapters: [{ startTime: 0, title: 'Stale' }] }));
    });
    const plain = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
      if (input === B) staleSignal = init?.signal ?? undefined;
      return plain(input, init);
    });
    s.player.currentEpisode.value = withChapters('b', B);
    await vi.waitFor(() => expect(staleSignal).toBeDefined());
    expect(staleSignal?.aborted).toBe(false);
    s.player.currentEpisode.value = withChapters('a', A);
    await vi.waitFor(() => expect(s.m.chaptersState.value).toMatchObject({ status: 'ready', url: A }));
    expect(staleSignal?.aborted).toBe(true);
    release();
    expect(s.m.listedChapters.value.map((c) => c.title)).toEqual(['Intro', 'News', 'Interview']);
  });
});
