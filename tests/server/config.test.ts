import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';

describe('server configuration from the environment', () => {
  it('has the documented defaults', () => {
    const { port, host, proxy, limits, directory } = readConfig({});
    expect(port).toBe(4173);
    expect(host).toBe('localhost');
    expect(proxy.allow).toBeNull();
    expect([...proxy.ports]).toEqual([80, 443]);
    expect(proxy.feedMaxBytes).toBe(30 * 1024 * 1024);
    expect(proxy.maxRedirects).toBe(5);
    expect(proxy.connectTimeoutMs).toBe(10_000);
    expect(proxy.feedTimeoutMs).toBe(30_000);
    expect(proxy.clientIdleTimeoutMs).toBe(30_000);
    expect(limits).toMatchObject({ rateLimit: 600, rateWindowMs: 60_000, maxUpstream: 64, trustProxy: false });
    expect(directory).toMatchObject({ podcastIndexKey: null, podcastIndexSecret: null, appleSearchUrl: 'https://itunes.apple.com/search' });
  });

  it('reads every setting it documents', () => {
    const config = readConfig({
      PORT: '0',
      HOPCAST_PROXY_ALLOW: '127.0.0.1:4180, [::1]:4181',
      HOPCAST_PROXY_PORTS: '80,443,8080',
      HOPCAST_FEED_MAX_BYTES: '1000',
      HOPCAST_CONNECT_TIMEOUT_MS: '1',
      HOPCAST_RATE_LIMIT: '7',
      HOPCAST_RATE_WINDOW_SECONDS: '2',
      HOPCAST_MAX_UPSTREAM: '3',
      HOPCAST_TRUST_PROXY: '1',
      PODCASTINDEX_API_KEY: ' k ',
      PODCASTINDEX_API_SECRET: 's',
    });
    expect([...config.proxy.allow!]).toEqual(['127.0.0.1:4180', '[::1]:4181']);
    expect([...config.proxy.ports]).toEqual([80, 443, 8080]);
    expect(config.proxy.feedMaxBytes).toBe(1000);
    expect(config.limits).toMatchObject({ rateLimit: 7, rateWindowMs: 2000, maxUpstream: 3, trustProxy: true });
    expect(config.directory).toMatchObject({ podcastIndexKey: 'k', podcastIndexSecret: 's' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ HOPCAST_FEED_MAX_BYTES: '0' }, /HOPCAST_FEED_MAX_BYTES/],
    [{ HOPCAST_RATE_LIMIT: '-1' }, /HOPCAST_RATE_LIMIT/],
    [{ HOPCAST_TRUST_PROXY: 'yes' }, /HOPCAST_TRUST_PROXY must be 1 or 0/],
    [{ HOPCAST_PROXY_ALLOW: 'example.com' }, /host:port/],
    [{ HOPCAST_APPLE_SEARCH_URL: 'ftp://x/' }, /HOPCAST_APPLE_SEARCH_URL must be http/],
    [{ PODCASTINDEX_API_KEY: 'k' }, /must be set together; only the key/],
    [{ PODCASTINDEX_API_SECRET: 's' }, /must be set together; only the secret/],
  ])('stops at start on %j, naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});
