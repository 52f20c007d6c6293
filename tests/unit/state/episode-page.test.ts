import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FakeNet, freshDb, storedEpisode, storedPodcast, storeShow } from './helpers';

/**
 * What the Episode page reads: the episode with its show, and its transcript stored first
 * (offline), else through the server's proxy (a fetch stub here). Failures come back as sentences.
 */
const SHOW = 'https://feeds.example/show.xml';
const EP = `${SHOW}\u0000ep1`;
const VTT_URL = 'https://cdn.example/ep1.vtt';
const transcript = { url: VTT_URL, type: 'text/vtt' };
const vtt = (line: string) => `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n${line}\n`;

let net: FakeNet;
async function load() {
  vi.resetModules();
  await freshDb();
  await storeShow(storedPodcast(SHOW, 'The Show'), [storedEpisode(SHOW, 'ep1', 1000)]);
  return {
    page: await import('../../../src/state/episode-page'),
    transcripts: await import('../../../src/db/transcripts'),
  };
}
let s: Awaited<ReturnType<typeof load>>;

beforeEach(async () => {
  net = new FakeNet();
  vi.stubGlobal('fetch', net.fetch);
  s = await load();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const storeTranscript = (doc: unknown, error: string | null, url = VTT_URL) =>
  s.transcripts.putStoredTranscript({ episodeId: EP, podcastId: SHOW, url, format: 'vtt', doc: doc as never, error, fetchedAt: 1 });
const text = (loaded: Awaited<ReturnType<typeof s.page.loadTranscript>>) => (loaded.ok ? JSON.stringify(loaded.value) : loaded.message);

describe('episode page', () => {
  test('the episode with its show; an unknown id is null', async () => {
    expect(await s.page.loadEpisodeDetails(EP)).toMatchObject({ episode: { id: EP }, podcast: { title: 'The Show' } });
    expect(await s.page.loadEpisodeDetails(`${SHOW}\u0000gone`)).toBeNull();
  });

  test('the transcript comes from the network through the proxy when none is stored', async () => {
    net.feeds.set(VTT_URL, { feed: vtt('Hello from the network'), contentType: 'text/vtt' });
    const loaded = await s.page.loadTranscript(transcript, undefined, EP);
    expect(loaded.ok).toBe(true);
    expect(text(loaded)).toContain('Hello from the network');
    expect(net.calls).toEqual([VTT_URL]);
  });

  test('a stored transcript is used without asking the network (offline reading)', async () => {
    net.feeds.set(VTT_URL, { feed: vtt('Hello from the network'), contentType: 'text/vtt' });
    const fromNet = await s.page.loadTranscript(transcript);
    if (!fromNet.ok) throw new Error(fromNet.message);
    net.calls.length = 0;
    net.feeds.set(VTT_URL, { throws: true });
    await storeTranscript(fromNet.value, null);
    expect(text(await s.page.loadTranscript(transcript, undefined, EP))).toContain('Hello from the network');
    expect(net.calls).toEqual([]);
  });

  test('a stored failure is shown as it is, unless Retry asks the host again', async () => {
    await storeTranscript(null, 'The transcript could not be fetched: The feed host answered 404.');
    expect(await s.page.loadTranscript(transcript, undefined, EP)).toEqual({ ok: false, message: 'The transcript could not be fetched: The feed host answered 404.' });
    expect(net.calls).toEqual([]);
    net.feeds.set(VTT_URL, { feed: vtt('Back again'), contentType: 'text/vtt' });
    expect(text(await s.page.loadTranscript(transcript, undefined, EP, true))).toContain('Back again');
  });

  test('a stored transcript of another address (the feed changed it) is not used', async () => {
    await storeTranscript(null, 'old failure', 'https://cdn.example/old.vtt');
    net.feeds.set(VTT_URL, { feed: vtt('The new one'), contentType: 'text/vtt' });
    expect(text(await s.page.loadTranscript(transcript, undefined, EP))).toContain('The new one');
  });

  test('a network failure is a sentence naming what could not be loaded', async () => {
    const loaded = await s.page.loadTranscript(transcript, undefined, EP);
    expect(loaded).toEqual({ ok: false, message: 'The transcript could not be loaded: The feed host answered 404.' });
  });
});
