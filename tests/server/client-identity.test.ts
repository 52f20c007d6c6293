import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, startTestServer } from './helpers';
import type { RunningServer } from '../../server/index';

/** A route that reaches no upstream but is rate limited: a bad url answers 400 until the limit answers 429. */
const probe = (server: RunningServer, xff: string) => getJson(`${server.url}/api/feed?url=bad`, { headers: { 'X-Forwarded-For': xff } });

describe('X-Forwarded-For with HOPCAST_TRUST_PROXY=1', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ HOPCAST_TRUST_PROXY: '1', HOPCAST_RATE_LIMIT: '3' });
  });
  afterAll(() => server.close());

  it('keys on the forwarded address only when it is a valid IP; junk falls back to the socket address', async () => {
    // Rotating junk would be a new client each time if any string counted.
    const junk = ['a', 'not-an-ip', '999.1.1.1', '1.2.3.4.5', 'fe80::1%eth0'];
    const statuses = [];
    for (const value of junk) statuses.push((await probe(server, `203.0.113.1, ${value}`)).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    // Valid addresses are clients of their own (v6 by /64).
    expect((await probe(server, '198.51.100.7')).status).toBe(400);
    expect((await probe(server, '2001:db8:1:2::1')).status).toBe(400);
  });
});

describe('X-Forwarded-For without HOPCAST_TRUST_PROXY', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ HOPCAST_RATE_LIMIT: '2' });
  });
  afterAll(() => server.close());

  it('is ignored: every request counts against the socket address', async () => {
    const statuses = [];
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) statuses.push((await probe(server, ip)).status);
    expect(statuses).toEqual([400, 400, 429]);
  });
});

describe('error messages never name resolved addresses', () => {
  it('strips IPv4 and IPv6 literals (with ports) from library error text', async () => {
    const { toProxyError } = await import('../../server/proxy/errors');
    const err = toProxyError(Object.assign(new Error('connect EWEIRD 10.1.2.3:8080 and fd00::1 and [2001:db8::5]:443'), { code: 'EWEIRD' }), 'intranet.example');
    expect(err.message).toBe('Fetching from intranet.example failed: connect EWEIRD [address] and [address] and [address]');
  });
});
