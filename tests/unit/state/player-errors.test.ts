import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Episode } from '../../../src/core/types';
import { explainFailure } from '../../../src/state/player-errors';
import { mediaErrorText } from '../../../src/state/player-audio';
import { requestUrl, storedEpisode } from './helpers';

/**
 * What the player says (or does) when the audio element fails: the page's location and
 * navigator.onLine are stubbed, and the probe through the server's audio proxy is a fetch stub.
 */
const ENCLOSURE = 'http://cdn.example/ep 1.mp3';
const PROXIED = `/api/audio?url=${encodeURIComponent(ENCLOSURE)}`;
const MEDIA_ERR_NETWORK = 2;
const MEDIA_ERR_DECODE = 3;
const MEDIA_ERR_SRC_NOT_SUPPORTED = 4;

function episode(enclosureUrl: string | null): Episode {
  const stored = storedEpisode('show', 'ep1', 0, null);
  return { ...stored, enclosure: enclosureUrl ? { ...stored.enclosure!, url: enclosureUrl } : null };
}

let probe: (url: string, init?: RequestInit) => Promise<Response>;
const fetchStub = vi.fn((input: string | URL | Request, init?: RequestInit) => probe(requestUrl(input), init));
const nav = { onLine: true };

beforeEach(() => {
  nav.onLine = true;
  fetchStub.mockClear();
  probe = async () => new Response(new Uint8Array([0]), { status: 206, headers: { 'content-type': 'audio/mpeg' } });
  vi.stubGlobal('fetch', fetchStub);
  vi.stubGlobal('navigator', nav);
  vi.stubGlobal('location', { href: 'https://app.example/show/1' });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('explainFailure', () => {
  test('a downloaded copy that fails says to download again, without asking the network', async () => {
    for (const src of ['/offline-audio/show%00ep1', 'https://app.example/offline-audio/x']) {
      nav.onLine = false;
      const outcome = await explainFailure(episode(ENCLOSURE), src, MEDIA_ERR_DECODE, false);
      expect(outcome).toEqual({ kind: 'message', message: 'The downloaded copy could not be played. Remove the download and download it again.' });
    }
    expect(fetchStub).not.toHaveBeenCalled();
  });

  test('offline and not downloaded: a calm message, and no probe', async () => {
    nav.onLine = false;
    const outcome = await explainFailure(episode(ENCLOSURE), ENCLOSURE, MEDIA_ERR_NETWORK, false);
    expect(outcome).toEqual({ kind: 'message', message: "You're offline and this episode isn't downloaded. Playback resumes when you're back online and press Play." });
    expect(fetchStub).not.toHaveBeenCalled();
  });

  test('no enclosure at all', async () => {
    expect(await explainFailure(episode(null), '', MEDIA_ERR_SRC_NOT_SUPPORTED, false)).toEqual({ kind: 'message', message: 'This episode has no audio file.' });
  });

  test('the probe asks the audio proxy for one byte of the enclosure', async () => {
    await explainFailure(episode(ENCLOSURE), ENCLOSURE, MEDIA_ERR_SRC_NOT_SUPPORTED, false);
    expect(fetchStub).toHaveBeenCalledTimes(1);
    const [url, init] = fetchStub.mock.calls[0];
    expect(url).toBe(PROXIED);
    expect((init?.headers as Record<string, string>).Range).toBe('bytes=0-0');
  });

  test('a host that cannot be reached, or answers with an error, is named, with the proxy’s reason', async () => {
    probe = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await explainFailure(episode(ENCLOSURE), ENCLOSURE, MEDIA_ERR_SRC_NOT_SUPPORTED, false)).toEqual({
      kind: 'message',
      message: 'The audio could not be loaded. The audio host could not be reached.',
    });

    probe = async () => Response.json({ error: 'upstream_status', message: 'The audio host answered 404' }, { status: 502 });
    expect(await explainFailure(episode(ENCLOSURE), ENCLOSURE, MEDIA_ERR_SRC_NOT_SUPPORTED, false)).toEqual({
      kind: 'message',
      message: 'The audio could not be loaded. The audio host answered 404.',
    });

    probe = async () => new Response('<html>oops</html>', { status: 503, headers: { 'content-type': 'text/html' } });
    expect(await explainFailure(episode(ENCLOSURE), ENCLOSURE, MEDIA_ERR_SRC_NOT_SUPPORTED, false)).toEqual({
      kind: 'message',
      message: 'The audio could not be loaded. The audio host answered HTTP 503.',
    });
  });

  test('a reachable host and a connection lost mid-stream: press Play to try again, no proxy retry', async () => {
    expect(await explainFailure(episode(ENCLOSURE), ENCLOSURE, MEDIA_ERR_NETWORK, false)).toEqual({ kind: 'message', message: mediaErrorText(MEDIA_ERR_NETWORK) });
  });

  test('a reachable host the element refused is retried once through the audio proxy, resuming', async () => {
    expect(await explainFailure(episode(ENCLOSURE), ENCLOSURE, MEDIA_ERR_SRC_NOT_SUPPORTED, false)).toEqual({ kind: 'retry', url: PROXIED, resume: true });
    expect(await explainFailure(episode(ENCLOSURE), ENCLOSURE, MEDIA_ERR_DECODE, false)).toEqual({ kind: 'retry', url: PROXIED, resume: true });
  });

  test('after the proxy retry failed too: the format is unsupported, naming the type when it means something', async () => {
    probe = async () => new Response(new Uint8Array([0]), { status: 206, headers: { 'content-type': 'audio/x-ms-wma; codecs=1' } });
    expect(await explainFailure(episode(ENCLOSURE), PROXIED, MEDIA_ERR_SRC_NOT_SUPPORTED, true)).toEqual({
      kind: 'message',
      message: 'This browser cannot play this audio format (audio/x-ms-wma).',
    });
    probe = async () => new Response(new Uint8Array([0]), { status: 206, headers: { 'content-type': 'application/octet-stream' } });
    expect(await explainFailure(episode(ENCLOSURE), PROXIED, MEDIA_ERR_SRC_NOT_SUPPORTED, true)).toEqual({
      kind: 'message',
      message: 'This browser cannot play this audio format.',
    });
  });
});
