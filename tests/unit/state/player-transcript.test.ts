import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Episode } from '../../../src/core/types';
import { freshDb, requestUrl, storedEpisode } from './helpers';

/**
 * The follow-along transcript of the episode in the player: the player's episode is a pretend
 * signal, the transcript hosts (behind the server's proxy) a fetch stub, the stored transcripts
 * store is real.
 */
const SHOW = 'https://feeds.example/show.xml';
const vtt = (text: string) => `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n${text}\n`;

function withTranscript(guid: string, type = 'text/vtt'): Episode {
  return { ...storedEpisode(SHOW, guid, 1), transcripts: [{ url: `https://t.example/${guid}.${type === 'text/vtt' ? 'vtt' : 'txt'}`, type }] };
}
const A = withTranscript('a');
const B = withTranscript('b');
const PLAIN = withTranscript('plain', 'text/plain');
const NONE = storedEpisode(SHOW, 'none', 1);

let answers: Map<string, () => Promise<Response>>;
let fetched: Array<{ url: string; signal: AbortSignal | undefined }>;
const ok = (body: string, type: string) => async () => new Response(body, { headers: { 'content-type': 'application/octet-stream', 'x-upstream-content-type': type } });

async function load() {
  vi.resetModules();
  // Fresh pretend player signal per test: a mock factory's result outlives vi.resetModules().
  vi.doMock('../../../src/state/player', async () => {
    const { signal } = await import('@preact/signals');
    return { currentEpisode: signal<Episode | null>(null) };
  });
  await freshDb();
  const m = await import('../../../src/state/player-transcript');
  const player = (await import('../../../src/state/player')) as unknown as { currentEpisode: { value: Episode | null } };
  m.startPlayerTranscript();
  return { m, player };
}
let s: Awaited<ReturnType<typeof load>>;

beforeEach(async () => {
  fetched = [];
  answers = new Map([
    [A.transcripts[0].url, ok(vtt('Hello from A.'), 'text/vtt')],
    [B.transcripts[0].url, ok(vtt('Hello from B.'), 'text/vtt')],
    [PLAIN.transcripts[0].url, ok('Just words, no times.', 'text/plain')],
  ]);
  vi.stubGlobal('fetch', async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(requestUrl(input), 'https://app.example/');
    const upstream = url.searchParams.get('url') ?? url.href;
    fetched.push({ url: upstream, signal: init?.signal ?? undefined });
    const answer = answers.get(upstream);
    if (!answer) return Response.json({ error: 'upstream_status', message: 'The feed host answered 404' }, { status: 502, headers: { 'x-upstream-status': '404' } });
    // As a browser's fetch: a cancelled request rejects at once, whatever the host is doing.
    const cancelled = new Promise<never>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))));
    return Promise.race([answer(), cancelled]);
  });
  s = await load();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const texts = () => {
  const t = s.m.playerTranscript.value;
  return t.status === 'ready' ? t.cues.map((c) => c.text) : t.status;
};

describe('player transcript', () => {
  test('follows the episode in the player: loading, then its timed lines; none without an episode or a transcript', async () => {
    expect(s.m.playerTranscript.value).toEqual({ status: 'none' });
    s.player.currentEpisode.value = A;
    expect(s.m.playerTranscript.value).toEqual({ status: 'loading', episodeId: A.id });
    await vi.waitFor(() => expect(texts()).toEqual(['Hello from A.']));
    expect(s.m.playerTranscript.value).toMatchObject({ status: 'ready', episodeId: A.id, cues: [{ start: 1, end: 4 }] });

    s.player.currentEpisode.value = null;
    expect(s.m.playerTranscript.value).toEqual({ status: 'none' });
    s.player.currentEpisode.value = A;
    await vi.waitFor(() => expect(texts()).toEqual(['Hello from A.']));
    s.player.currentEpisode.value = NONE;
    expect(s.m.playerTranscript.value).toEqual({ status: 'none' });
  });

  test('a transcript without times cannot follow along', async () => {
    s.player.currentEpisode.value = PLAIN;
    await vi.waitFor(() => expect(s.m.playerTranscript.value).toEqual({ status: 'untimed', episodeId: PLAIN.id }));
  });

  test('the same episode again (a new copy of its record) is not fetched again, however many views follow it', async () => {
    // Each follow-along view calls start: one watcher all the same.
    s.m.startPlayerTranscript();
    s.player.currentEpisode.value = A;
    await vi.waitFor(() => expect(texts()).toEqual(['Hello from A.']));
    s.player.currentEpisode.value = { ...A, played: 1 };
    expect(texts()).toEqual(['Hello from A.']);
    expect(fetched.map((f) => f.url)).toEqual([A.transcripts[0].url]);
  });

  test('a stored copy is used, without the network', async () => {
    const { putStoredTranscript } = await import('../../../src/db/transcripts');
    await putStoredTranscript({
      episodeId: B.id,
      podcastId: SHOW,
      url: B.transcripts[0].url,
      format: 'vtt',
      fetchedAt: 1,
      error: null,
      doc: { kind: 'cues', cues: [{ start: 0, end: 2, speaker: null, text: 'Stored B.' }] },
    });
    s.player.currentEpisode.value = B;
    await vi.waitFor(() => expect(texts()).toEqual(['Stored B.']));
    expect(fetched).toEqual([]);
  });

  test('a host error is shown, and retrying loads it once the host answers', async () => {
    const missing = withTranscript('missing');
    s.player.currentEpisode.value = missing;
    await vi.waitFor(() => expect(s.m.playerTranscript.value).toEqual({ status: 'error', episodeId: missing.id, message: expect.stringContaining('404') as string }));
    answers.set(missing.transcripts[0].url, ok(vtt('Back again.'), 'text/vtt'));
    s.m.retryPlayerTranscript();
    expect(s.m.playerTranscript.value).toEqual({ status: 'loading', episodeId: missing.id });
    await vi.waitFor(() => expect(texts()).toEqual(['Back again.']));
  });

  test('a failure stored with the episode is shown as it is, and retrying asks the host again', async () => {
    const { putStoredTranscript } = await import('../../../src/db/transcripts');
    await putStoredTranscript({ episodeId: B.id, podcastId: SHOW, url: B.transcripts[0].url, format: 'vtt', fetchedAt: 1, error: 'The transcript could not be fetched: it was too large.', doc: null });
    s.player.currentEpisode.value = B;
    await vi.waitFor(() => expect(s.m.playerTranscript.value).toEqual({ status: 'error', episodeId: B.id, message: 'The transcript could not be fetched: it was too large.' }));
    expect(fetched).toEqual([]);
    s.m.retryPlayerTranscript();
    await vi.waitFor(() => expect(texts()).toEqual(['Hello from B.']));
  });

  test('a slow answer for an episode no longer in the player is cancelled and never shown', async () => {
    answers.set(A.transcripts[0].url, () => new Promise<Response>(() => undefined));
    s.player.currentEpisode.value = A;
    await vi.waitFor(() => expect(fetched).toHaveLength(1));
    const seen = record();
    s.player.currentEpisode.value = B;
    await vi.waitFor(() => expect(texts()).toEqual(['Hello from B.']));
    expect(fetched[0].signal?.aborted).toBe(true);
    // Nothing about A (its lines, or a "cancelled" error) was shown once B was chosen.
    expect(seen).toEqual(['loading:B', 'ready:B']);
  });

  test('a stored copy read for the previous episode (a read that cannot be cancelled) is ignored', async () => {
    const { putStoredTranscript } = await import('../../../src/db/transcripts');
    await putStoredTranscript({
      episodeId: A.id,
      podcastId: SHOW,
      url: A.transcripts[0].url,
      format: 'vtt',
      fetchedAt: 1,
      error: null,
      doc: { kind: 'cues', cues: [{ start: 0, end: 2, speaker: null, text: 'Stored A.' }] },
    });
    const seen = record();
    s.player.currentEpisode.value = A;
    s.player.currentEpisode.value = B;
    await vi.waitFor(() => expect(texts()).toEqual(['Hello from B.']));
    expect(seen).toEqual(['loading:A', 'loading:B', 'ready:B']);
  });
});

/** Every state shown from now on, as `status:episode`. */
function record(): string[] {
  const seen: string[] = [];
  let first = true;
  s.m.playerTranscript.subscribe((t) => {
    // subscribe() calls back at once with the current value: only changes count.
    if (first) return void (first = false);
    seen.push(t.status === 'none' ? 'none' : `${t.status}:${t.episodeId === A.id ? 'A' : 'B'}`);
  });
  return seen;
}
