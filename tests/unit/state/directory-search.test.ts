import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FakeNet } from './helpers';

/** "Find new podcasts" against the pretend server's `/api/search` (a fetch stub). */
let net: FakeNet;
let m: typeof import('../../../src/state/directory-search');

beforeEach(async () => {
  net = new FakeNet();
  vi.stubGlobal('fetch', net.fetch);
  m = await import('../../../src/state/directory-search');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('directory search', () => {
  test('an empty query asks the listener for a name and the server for nothing', async () => {
    expect(await m.findPodcasts('   ')).toEqual({ ok: false, message: 'Type the name of a podcast to look for.' });
    expect(net.calls).toEqual([]);
  });

  test('the trimmed query is sent and the directories’ shows come back', async () => {
    net.directory = [{ title: 'Night Shift', feedUrl: 'https://night.example/feed', author: 'Ada' }];
    const answer = await m.findPodcasts('  night shift ');
    expect(net.calls).toEqual(['search:night shift']);
    expect(answer).toEqual({ ok: true, results: [expect.objectContaining({ title: 'Night Shift', feedUrl: 'https://night.example/feed', author: 'Ada' })] });
  });

  test('the directories being down is said in the server’s words', async () => {
    net.directory = 'down';
    expect(await m.findPodcasts('night')).toEqual({ ok: false, message: 'The podcast directories did not answer', aborted: false });
  });

  test('no network: a failure, not a cancellation', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')));
    expect(await m.findPodcasts('night')).toEqual({ ok: false, message: 'Could not reach the Hopcast server', aborted: false });
  });

  test('a search replaced by a newer one reports itself as cancelled', async () => {
    vi.stubGlobal('fetch', (_url: string, init?: RequestInit) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')))));
    const ac = new AbortController();
    const pending = m.findPodcasts('night', ac.signal);
    ac.abort();
    expect(await pending).toEqual({ ok: false, message: 'Cancelled', aborted: true });
  });

  test('an answer that is not what the server sends is a plain failure', async () => {
    vi.stubGlobal('fetch', async () => Response.json(null));
    expect(await m.findPodcasts('night')).toEqual({ ok: false, message: 'Directory search failed.' });
  });
});
