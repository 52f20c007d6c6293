import { describe, expect, it } from 'vitest';
import type { buildConnector } from 'undici';
import { guardedConnector } from '../../server/proxy/connect-guard';
import { classifyAddress } from '../../server/proxy/ip-policy';
import { ProxyError } from '../../server/proxy/errors';
import { normalizeHostPort } from '../../server/config';
import { FakeInternet, FAKE_PUBLIC_V4, v4 } from './helpers';

/** Calls the connector the way undici does and reports what happened: an error, or a dial. */
function connectVia(connector: buildConnector.connector, hostname: string, port = '', protocol = 'http:'): Promise<Error | 'dialed'> {
  return new Promise((resolve) => {
    connector({ hostname, host: hostname, port, protocol }, (...args) => resolve(args[0] ?? 'dialed'));
  });
}

describe('connect-time guard on its own (no URL check in front of it)', () => {
  const net = new FakeInternet().name('evil.test', () => [v4('127.0.0.1')]).name('0x7f.1', () => [v4('127.0.0.1')]);
  const dials: string[] = [];
  const connector = guardedConnector({
    allow: null,
    ports: new Set([80, 443]),
    connectTimeoutMs: 500,
    lookup: net.lookup,
    dial: (opts, cb) => {
      dials.push(opts.hostname);
      cb(new Error('recorded, not connected'), null);
    },
  });

  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.1.2.3', 'fe80::1', '169.254.169.254', '0.0.0.0'])('refuses the IP literal %s, which skips DNS', async (host) => {
    const result = await connectVia(connector, host);
    expect(result).toBeInstanceOf(ProxyError);
    expect((result as ProxyError).status).toBe(403);
    expect(dials).toEqual([]);
  });

  it('refuses names (even IP-looking ones) by the address they resolve to', async () => {
    for (const name of ['evil.test', '0x7f.1']) {
      const result = await connectVia(connector, name);
      expect((result as ProxyError).code).toBe('blocked_address');
    }
    expect(dials).toEqual([]);
  });

  it('dials a public literal, and a port outside the list is refused', async () => {
    expect(await connectVia(connector, FAKE_PUBLIC_V4)).toBeInstanceOf(Error);
    expect(dials).toEqual([FAKE_PUBLIC_V4]);
    expect(((await connectVia(connector, FAKE_PUBLIC_V4, '8080')) as ProxyError).code).toBe('blocked_port');
    expect(dials).toEqual([FAKE_PUBLIC_V4]);
  });

  it('destroys a socket that turns up after the connect timeout has answered', async () => {
    let late: ((...a: [null, never]) => void) | null = null;
    const slow = guardedConnector({
      allow: null,
      ports: new Set([80]),
      connectTimeoutMs: 100,
      lookup: net.lookup,
      dial: (_opts, cb) => void (late = cb as never),
    });
    const result = await connectVia(slow, FAKE_PUBLIC_V4);
    expect(result).toMatchObject({ status: 504, code: 'connect_timeout' });
    let destroyed = false;
    late!(null, { destroy: () => (destroyed = true) } as never);
    expect(destroyed).toBe(true);
  });

  it('sealed, opens exactly the listed pairs', async () => {
    const sealedDials: string[] = [];
    const sealed = guardedConnector({
      allow: new Set(['127.0.0.1:4000', '[::1]:4001']),
      ports: new Set([80, 443]),
      connectTimeoutMs: 500,
      lookup: net.lookup,
      dial: (opts, cb) => {
        sealedDials.push(`${opts.hostname}:${opts.port}`);
        cb(new Error('recorded'), null);
      },
    });
    expect(((await connectVia(sealed, FAKE_PUBLIC_V4)) as ProxyError).code).toBe('not_allowed');
    expect(((await connectVia(sealed, '127.0.0.1', '4001')) as ProxyError).code).toBe('not_allowed');
    await connectVia(sealed, '127.0.0.1', '4000');
    await connectVia(sealed, '::1', '4001');
    expect(sealedDials).toEqual(['127.0.0.1:4000', '::1:4001']);
  });
});

describe('address classification', () => {
  it.each([
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['100.64.0.1', false],
    ['::7f00:1', false],
    ['2001:db8::1', false],
    ['fec0::1', false],
    ['5f00::1', false],
    ['0x7f.1', false],
  ])('%s public: %s', (address, ok) => {
    expect(classifyAddress(address).ok).toBe(ok);
  });

  it.each([
    ['127.0.0.1', 'a loopback'],
    ['0.0.0.0', 'an unspecified'],
    ['100.64.0.1', 'a carrier-grade NAT (CGNAT)'],
    ['::ffff:127.0.0.1', 'an IPv4-mapped IPv6'],
    ['fd00::1', 'a unique-local IPv6'],
    ['2002:7f00:1::', 'a 6to4 (IPv4-embedded IPv6)'],
    ['192.31.196.1', 'a special-purpose'],
    ['5f00::1', 'a special-purpose'],
  ])('names the range of %s for people: %s', (address, kind) => {
    expect(classifyAddress(address)).toMatchObject({ ok: false, kind });
  });

  it('normalizes HOPCAST_PROXY_ALLOW pairs the way the URL parser spells hosts', () => {
    expect(normalizeHostPort('127.1:8080')).toBe('127.0.0.1:8080');
    expect(normalizeHostPort('[::1]:99')).toBe('[::1]:99');
    expect(normalizeHostPort('Feeds.Example.com:443')).toBe('feeds.example.com:443');
    expect(() => normalizeHostPort('example.com')).toThrow(/host:port/);
    expect(() => normalizeHostPort('example.com:70000')).toThrow(/range/);
  });
});
