import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixtures/fixture-server';
import { json, SAME_ORIGIN, startTarget, TARGET, type Target } from './target';

/**
 * The unsealed proxy (no HOPCAST_PROXY_ALLOW) on either runtime: every literal non-public address,
 * `localhost` and every port but 80/443 are refused by the shared checks before any connection.
 * (Names that resolve to private addresses are refused at connect time: by the Node connect guard,
 * by workerd's network allow list, see docs/DEPLOY.md; neither can be shown here without DNS.)
 */
let fixture: FixtureServer;
let server: Target;
beforeAll(async () => {
  fixture = await startFixtureServer();
  server = await startTarget({});
});
afterAll(async () => {
  await server?.close();
  await fixture?.close();
});

describe(`unsealed proxy refuses private targets (${TARGET})`, () => {
  it.each([
    [`http://127.0.0.1:80/feed`, 'blocked_address'],
    ['http://127.1/feed', 'blocked_address'],
    ['http://2130706433/feed', 'blocked_address'],
    ['http://0x7f.0.0.1/feed', 'blocked_address'],
    ['http://[::1]/feed', 'blocked_address'],
    ['http://[::ffff:127.0.0.1]/feed', 'blocked_address'],
    ['http://10.0.0.1/feed', 'blocked_address'],
    ['http://169.254.169.254/latest/meta-data/', 'blocked_address'],
    ['http://[fd00::1]/feed', 'blocked_address'],
    ['http://localhost/feed', 'blocked_address'],
    ['http://app.localhost/feed', 'blocked_address'],
    ['http://example.com:22/feed', 'blocked_port'],
    // The live fixture host itself: refused for its port before its address is even looked at.
    [`http://127.0.0.1:0/feed`, 'blocked_port'],
  ])('%s → 403 %s', async (target, error) => {
    const before = fixture.log.length;
    const res = await fetch(`${server.url}/api/feed?url=${encodeURIComponent(target.replace(':0/', `:${fixture.port}/`))}`, { headers: SAME_ORIGIN });
    expect(res.status).toBe(403);
    expect((await json(res)).error).toBe(error);
    expect(fixture.log.length).toBe(before);
  });
});
