import { describe, expect, it } from 'vitest';
import { startTestServer } from './helpers';
import { basic, call, forEachBackend, nativeRequest, PASSWORD } from './sync-helpers';

describe('sync switched off', () => {
  it('answers every /api/2/ path with a JSON 404 by default', async () => {
    const server = await startTestServer({});
    try {
      const res = await call(server, 'POST', '/api/2/auth/alice/login.json', { auth: basic('alice') });
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ error: 'sync_disabled' });
    } finally {
      await server.close();
    }
  });
});

forEachBackend((b) => {
  it('401 without credentials carries the Basic challenge mygpoclient waits for, but not for page scripts', async () => {
    const res = await nativeRequest(`${b.server.url}/api/2/devices/nobody.json`);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Basic realm="[^"]+"/);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({ error: 'unauthorized', message: expect.stringMatching(/sign in/i) });
    const fromPage = await call(b.server, 'GET', '/api/2/devices/nobody.json', { headers: { 'sec-fetch-mode': 'cors' } });
    expect(fromPage.status).toBe(401);
    expect(fromPage.headers.get('www-authenticate')).toBeNull();
  });

  it('login takes Basic credentials and gives a session cookie that then works alone; logout ends it', async () => {
    await b.addUser('ann');
    const login = await call(b.server, 'POST', '/api/2/auth/ann/login.json', { auth: basic('ann') });
    expect(login.status).toBe(200);
    expect(login.json).toEqual({ username: 'ann' });
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sessionid=[A-Za-z0-9_-]{40,}; .*Path=\/api\/2\/; HttpOnly; SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const session = cookie.split(';')[0];

    const devices = await call(b.server, 'GET', '/api/2/devices/ann.json', { headers: { cookie: session } });
    expect(devices.status).toBe(200);
    expect(devices.json).toEqual([]);

    const out = await call(b.server, 'POST', '/api/2/auth/ann/logout.json', { headers: { cookie: session } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/sessionid=;.*Max-Age=0/);
    const after = await call(b.server, 'GET', '/api/2/devices/ann.json', { headers: { cookie: session } });
    expect(after.status).toBe(401);
    expect(after.json.message).toMatch(/session has ended/);
  });

  it('a client that sends Basic every time and keeps no cookie (Kasts) reuses one session, not a new row per request', async () => {
    await b.addUser('kay');
    const cookies = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const res = await call(b.server, 'GET', '/api/2/devices/kay.json', { auth: basic('kay') });
      expect(res.status).toBe(200);
      cookies.add(res.headers.get('set-cookie')!.split(';')[0]);
    }
    expect(cookies.size).toBe(1);
    const { rows } = await b.db.exec("SELECT COUNT(*) AS n FROM sync_sessions s JOIN sync_users u ON u.id = s.user_id WHERE u.name = 'kay'");
    expect(Number(rows[0].n)).toBe(1);
    // After a logout the next Basic request starts a new session rather than handing out the ended one.
    await call(b.server, 'POST', '/api/2/auth/kay/logout.json', { headers: { cookie: [...cookies][0] } });
    const again = await call(b.server, 'GET', '/api/2/devices/kay.json', { auth: basic('kay') });
    const fresh = again.headers.get('set-cookie')!.split(';')[0];
    expect(fresh).not.toBe([...cookies][0]);
    expect((await call(b.server, 'GET', '/api/2/devices/kay.json', { headers: { cookie: fresh } })).status).toBe(200);
  });

  it('refuses a wrong password, an unknown user and credentials for another path user', async () => {
    await b.addUser('ben');
    await b.addUser('cat');
    const wrong = await call(b.server, 'POST', '/api/2/auth/ben/login.json', { auth: basic('ben', 'not the password') });
    expect(wrong.status).toBe(401);
    expect(wrong.json.message).toBe('Wrong user name or password');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect((await call(b.server, 'POST', '/api/2/auth/ghost/login.json', { auth: basic('ghost') })).status).toBe(401);
    const other = await call(b.server, 'GET', '/api/2/episodes/cat.json', { auth: basic('ben') });
    expect(other.status).toBe(401);
    expect(other.json.message).toBe('Signed in as ben, not as cat');
    // A session of ben's on cat's path: still nothing of cat's.
    const session = (await call(b.server, 'POST', '/api/2/auth/ben/login.json', { auth: basic('ben') })).headers.get('set-cookie')!.split(';')[0];
    const viaCookie = await call(b.server, 'GET', '/api/2/subscriptions/cat/x.json', { headers: { cookie: session } });
    expect(viaCookie.status).toBe(401);
    expect(viaCookie.json.message).toBe('Signed in as ben, not as cat');
  });

  it('slows password guessing: after 10 wrong passwords a minute, 429 even for the right one', async () => {
    const server = await b.startServer();
    await b.addUser('dan');
    for (let i = 0; i < 10; i++) {
      expect((await call(server, 'GET', '/api/2/devices/dan.json', { auth: basic('dan', `guess ${i}`) })).status).toBe(401);
    }
    const blocked = await call(server, 'GET', '/api/2/devices/dan.json', { auth: basic('dan') });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.json.error).toBe('rate_limited');
  });

  it('marks the cookie Secure behind an https reverse proxy (HOPCAST_TRUST_PROXY=1 and X-Forwarded-Proto)', async () => {
    await b.addUser('sec');
    const server = await b.startServer({ HOPCAST_TRUST_PROXY: '1' });
    const res = await call(server, 'POST', '/api/2/auth/sec/login.json', { auth: basic('sec'), headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' } });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    const untrusted = await call(b.server, 'POST', '/api/2/auth/sec/login.json', { auth: basic('sec'), headers: { 'x-forwarded-proto': 'https' } });
    expect(untrusted.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('applies the API rate limit to /api/2/', async () => {
    const server = await b.startServer({ HOPCAST_RATE_LIMIT: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(server, 'GET', '/api/2/devices/x.json')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('sign-up is off unless HOPCAST_SYNC_SIGNUP=1; then it creates the account once', async () => {
    const off = await call(b.server, 'POST', '/api/2/hopcast/signup.json', { body: { username: 'eve', password: PASSWORD } });
    expect(off.status).toBe(404);
    const server = await b.startServer({ HOPCAST_SYNC_SIGNUP: '1' });
    const made = await call(server, 'POST', '/api/2/hopcast/signup.json', { body: { username: 'eve', password: PASSWORD } });
    expect(made.status).toBe(201);
    expect(made.headers.get('set-cookie')).toMatch(/^sessionid=/);
    const again = await call(server, 'POST', '/api/2/hopcast/signup.json', { body: { username: 'eve', password: 'another password' } });
    expect(again.status).toBe(409);
    expect(again.json.error).toBe('user_exists');
    const weak = await call(server, 'POST', '/api/2/hopcast/signup.json', { body: { username: 'fay', password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.json.message).toMatch(/at least 8 characters/);
    const badName = await call(server, 'POST', '/api/2/hopcast/signup.json', { body: { username: '../root', password: PASSWORD } });
    expect(badName.status).toBe(400);
    expect((await call(server, 'POST', '/api/2/auth/eve/login.json', { auth: basic('eve') })).status).toBe(200);
  });

  it('answers CORS preflights so a Hopcast app on another origin can send Basic credentials', async () => {
    const res = await fetch(`${b.server.url}/api/2/episodes/ann.json`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
