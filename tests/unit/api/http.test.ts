import { afterEach, describe, expect, it, vi } from 'vitest';
import { getJson } from '../../../src/api/http';

describe('getJson', () => {
  afterEach(() => vi.unstubAllGlobals());

  const capture = () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(new Response('{"ok":true}', { headers: { 'Content-Type': 'application/json' } })));
    vi.stubGlobal('fetch', fetch);
    return () => new Headers(fetch.mock.calls[0]?.[1]?.headers);
  };

  it('asks for JSON and keeps headers given as a list of pairs or a Headers object', async () => {
    for (const headers of [[['X-Trace', 'a']] as [string, string][], new Headers({ 'X-Trace': 'a' }), { 'X-Trace': 'a' }]) {
      const sent = capture();
      expect(await getJson('/api/x', { headers })).toEqual({ ok: true });
      expect(sent().get('Accept')).toBe('application/json');
      expect(sent().get('X-Trace')).toBe('a');
      vi.unstubAllGlobals();
    }
  });

  it("lets the caller's Accept win", async () => {
    const sent = capture();
    await getJson('/api/x', { headers: { accept: 'application/feed+json' } });
    expect(sent().get('Accept')).toBe('application/feed+json');
  });
});
