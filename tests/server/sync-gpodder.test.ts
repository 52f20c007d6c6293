import { expect, it } from 'vitest';
import { basic, call, forEachBackend } from './sync-helpers';

const FEED = 'https://feeds.example.com/show.xml';
const EP = (n: number) => `https://cdn.example.com/ep${n}.mp3`;
/** The only time format mygpoclient 1.9 reads back. */
const GPODDER_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

forEachBackend((b) => {
  it('devices: created by first use and by POST (empty 200 as gpodder.net), listed with the subscription count', async () => {
    await b.addUser('dev');
    const auth = basic('dev');
    const saved = await call(b.server, 'POST', '/api/2/devices/dev/phone.json', { auth, body: { caption: "Dev's phone", type: 'mobile' } });
    expect(saved.status).toBe(200);
    expect(saved.text).toBe('');
    await call(b.server, 'POST', '/api/2/subscriptions/dev/laptop.json', { auth, body: { add: [FEED] } });
    const list = await call(b.server, 'GET', '/api/2/devices/dev.json', { auth });
    expect(list.json).toEqual([
      { id: 'laptop', caption: '', type: 'other', subscriptions: 1 },
      { id: 'phone', caption: "Dev's phone", type: 'mobile', subscriptions: 1 },
    ]);
    // Only the caption changes; the type stays.
    await call(b.server, 'POST', '/api/2/devices/dev/phone.json', { auth, body: { caption: 'Renamed' } });
    expect((await call(b.server, 'GET', '/api/2/devices/dev.json', { auth })).json[1]).toMatchObject({ caption: 'Renamed', type: 'mobile' });
    const bad = await call(b.server, 'POST', '/api/2/devices/dev/phone.json', { auth, body: { type: 'toaster' } });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/type must be one of desktop, laptop, mobile, server, other/);
    expect((await call(b.server, 'POST', '/api/2/devices/dev/no%20spaces.json', { auth, body: {} })).status).toBe(400);
  });

  it("sync-devices (Kasts): all of a user's devices are one group, since subscriptions are per user", async () => {
    await b.addUser('kst');
    const auth = basic('kst');
    await call(b.server, 'POST', '/api/2/devices/kst/kasts.json', { auth, body: { caption: 'Kasts', type: 'desktop' } });
    expect((await call(b.server, 'GET', '/api/2/sync-devices/kst.json', { auth })).json).toEqual({ synchronized: [], 'not-synchronized': ['kasts'] });
    await call(b.server, 'POST', '/api/2/devices/kst/phone.json', { auth, body: {} });
    const joined = await call(b.server, 'POST', '/api/2/sync-devices/kst.json', { auth, body: { synchronize: [['kasts', 'phone']], 'stop-synchronize': [] } });
    expect(joined.status).toBe(200);
    expect(joined.json).toEqual({ synchronized: [['kasts', 'phone']], 'not-synchronized': [] });
    expect((await call(b.server, 'POST', '/api/2/sync-devices/kst.json', { auth, body: { synchronize: 'all' } })).status).toBe(400);
  });

  it('subscriptions: per user across devices, with timestamp, update_urls and since', async () => {
    await b.addUser('sub');
    const auth = basic('sub');
    const up = await call(b.server, 'POST', '/api/2/subscriptions/sub/phone.json', {
      auth,
      // mygpoclient's label for its JSON bodies
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: { add: [FEED, ' feed://other.example/rss ', 'javascript:alert(1)', 'https://old.example/feed'], remove: [] },
    });
    expect(up.status).toBe(200);
    expect(Number.isInteger(up.json.timestamp)).toBe(true);
    expect(up.json.update_urls).toEqual([
      [' feed://other.example/rss ', 'http://other.example/rss'],
      ['javascript:alert(1)', ''],
    ]);
    // Another device of the same user sees the whole list.
    const laptop = await call(b.server, 'GET', '/api/2/subscriptions/sub/laptop.json', { auth });
    expect(laptop.json.add.sort()).toEqual([FEED, 'http://other.example/rss', 'https://old.example/feed'].sort());
    expect(laptop.json.remove).toEqual([]);

    const removed = await call(b.server, 'POST', '/api/2/subscriptions/sub/laptop.json', { auth, body: { add: [], remove: ['https://old.example/feed'] } });
    const since = await call(b.server, 'GET', `/api/2/subscriptions/sub/phone.json?since=${up.json.timestamp}`, { auth });
    expect(since.json.remove).toEqual(['https://old.example/feed']);
    expect(since.json.add).not.toContain('https://old.example/feed');
    const later = await call(b.server, 'GET', `/api/2/subscriptions/sub/phone.json?since=${Number(removed.json.timestamp) + 5}`, { auth });
    expect(later.json).toMatchObject({ add: [], remove: [] });

    const both = await call(b.server, 'POST', '/api/2/subscriptions/sub/phone.json', { auth, body: { add: [FEED], remove: [FEED] } });
    expect(both.status).toBe(400);
    expect(both.json.message).toBe(`${FEED} is both in add and remove`);
    expect((await call(b.server, 'GET', '/api/2/subscriptions/sub/phone.json?since=yesterday', { auth })).status).toBe(400);
  });

  it('episode actions: stored, read back in the gpodder format, play-only fields only on play', async () => {
    await b.addUser('epi');
    const auth = basic('epi');
    const up = await call(b.server, 'POST', '/api/2/episodes/epi.json', {
      auth,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: [
        { podcast: FEED, episode: EP(1), guid: 'g-1', device: 'phone', action: 'play', timestamp: '2026-11-30T10:00:00', started: 0, position: 120.9, total: 3600 },
        // A download carrying play-only fields: they are dropped, not passed on to break mygpoclient.
        { podcast: FEED, episode: EP(1), device: 'phone', action: 'DOWNLOAD', timestamp: '2026-11-30T09:00:00.250Z', position: 5 },
        { podcast: FEED, episode: EP(2), action: 'new', timestamp: '2026-11-30T11:30:00+02:00' },
      ],
    });
    expect(up.status).toBe(200);
    expect(up.json).toEqual({ timestamp: expect.any(Number), update_urls: [] });

    const down = await call(b.server, 'GET', '/api/2/episodes/epi.json', { auth });
    expect(down.json.actions).toEqual([
      { podcast: FEED, episode: EP(1), device: 'phone', action: 'download', timestamp: '2026-11-30T09:00:00' },
      { podcast: FEED, episode: EP(2), action: 'new', timestamp: '2026-11-30T09:30:00' },
      { podcast: FEED, episode: EP(1), guid: 'g-1', device: 'phone', action: 'play', timestamp: '2026-11-30T10:00:00', started: 0, position: 120, total: 3600 },
    ]);
    for (const a of down.json.actions) expect(a.timestamp).toMatch(GPODDER_TIME);
    expect((await call(b.server, 'GET', `/api/2/episodes/epi.json?podcast=${encodeURIComponent('https://elsewhere.example/feed')}`, { auth })).json.actions).toEqual([]);
    expect((await call(b.server, 'GET', '/api/2/episodes/epi.json?device=phone', { auth })).json.actions).toHaveLength(2);
  });

  it('keeps the newest play position per episode: a later one replaces it, an older one does not', async () => {
    await b.addUser('pos');
    const auth = basic('pos');
    const play = (position: number, timestamp: string, device = 'a') => ({ podcast: FEED, episode: EP(7), device, action: 'play', timestamp, started: 0, position, total: 1000 });
    const first = await call(b.server, 'POST', '/api/2/episodes/pos.json', { auth, body: [play(100, '2026-11-30T10:00:00')] });
    await call(b.server, 'POST', '/api/2/episodes/pos.json', { auth, body: [play(300, '2026-11-30T10:05:00', 'b')] });
    await call(b.server, 'POST', '/api/2/episodes/pos.json', { auth, body: [play(200, '2026-11-30T10:01:00')] });
    // In one batch the later one wins whatever its place.
    await call(b.server, 'POST', '/api/2/episodes/pos.json', { auth, body: [play(500, '2026-11-30T10:09:00'), play(400, '2026-11-30T10:08:00')] });
    const down = await call(b.server, 'GET', `/api/2/episodes/pos.json?since=${first.json.timestamp}`, { auth });
    expect(down.json.actions).toEqual([{ podcast: FEED, episode: EP(7), device: 'a', action: 'play', timestamp: '2026-11-30T10:09:00', started: 0, position: 500, total: 1000 }]);
  });

  it('takes AntennaPod\'s -1 ("unknown") play fields as absent instead of refusing its batch', async () => {
    await b.addUser('apod');
    const auth = basic('apod');
    // What AntennaPod's EpisodeAction.writeToJsonObject sends for a play it has no position for.
    const res = await call(b.server, 'POST', '/api/2/episodes/apod.json', {
      auth,
      body: [{ podcast: FEED, episode: EP(4), guid: 'g4', action: 'play', timestamp: '2026-11-30T10:00:00', started: -1, position: -1, total: -1, device: 'antennapod' }],
    });
    expect(res.status).toBe(200);
    const down = await call(b.server, 'GET', '/api/2/episodes/apod.json', { auth });
    expect(down.json.actions).toEqual([{ podcast: FEED, episode: EP(4), guid: 'g4', device: 'antennapod', action: 'play', timestamp: '2026-11-30T10:00:00' }]);
  });

  it('an action without guid (mygpoclient) keeps the guid another client sent for the episode', async () => {
    await b.addUser('gid');
    const auth = basic('gid');
    const play = (position: number, timestamp: string, guid?: string) => ({ podcast: FEED, episode: EP(8), action: 'play', timestamp, started: 0, position, total: 900, ...(guid ? { guid } : {}) });
    await call(b.server, 'POST', '/api/2/episodes/gid.json', { auth, body: [play(10, '2026-11-30T10:00:00', 'urn:ep8')] });
    await call(b.server, 'POST', '/api/2/episodes/gid.json', { auth, body: [play(20, '2026-11-30T10:01:00')] });
    expect((await call(b.server, 'GET', '/api/2/episodes/gid.json', { auth })).json.actions).toEqual([{ ...play(20, '2026-11-30T10:01:00'), guid: 'urn:ep8' }]);
  });

  it('a device clock in the future cannot win every later comparison', async () => {
    await b.addUser('clk');
    const auth = basic('clk');
    await call(b.server, 'POST', '/api/2/episodes/clk.json', { auth, body: [{ podcast: FEED, episode: EP(3), action: 'play', timestamp: '2099-01-01T00:00:00', started: 0, position: 9, total: 99 }] });
    const stored = (await call(b.server, 'GET', '/api/2/episodes/clk.json', { auth })).json.actions[0];
    expect(Date.parse(`${stored.timestamp}Z`)).toBeLessThanOrEqual(Date.now());
    const now = new Date(Date.now() + 1000).toISOString().slice(0, 19);
    await call(b.server, 'POST', '/api/2/episodes/clk.json', { auth, body: [{ podcast: FEED, episode: EP(3), action: 'play', timestamp: now, started: 0, position: 42, total: 99 }] });
    expect((await call(b.server, 'GET', '/api/2/episodes/clk.json', { auth })).json.actions[0].position).toBe(42);
  });

  it('refuses a bad batch whole, naming the action and field, and stores nothing of it', async () => {
    await b.addUser('bad');
    const auth = basic('bad');
    const good = { podcast: FEED, episode: EP(1), action: 'play', started: 0, position: 1, total: 2 };
    const cases: Array<[unknown, RegExp]> = [
      [[good, { ...good, position: '12' }], /^actions\[1\]\.position must be a whole number of seconds/],
      [[good, { ...good, total: 1e12 }], /^actions\[1\]\.total must be a whole number of seconds/],
      [[good, { ...good, action: 'flattr' }], /^actions\[1\]\.action must be one of download, play, delete, new/],
      [[{ ...good, episode: '' }], /^actions\[0\]\.episode must be a non-empty string/],
      [[{ ...good, episode: 'x'.repeat(3000) }], /^actions\[0\]\.episode is longer than 2048 bytes/],
      [[{ ...good, podcast: 'a\u0000b' }], /NUL/],
      [[{ ...good, timestamp: 'tuesday' }], /^actions\[0\]\.timestamp must be a time/],
      [[{ ...good, device: '../../etc' }], /device may only hold/],
      [{ actions: [good] }, /must be a JSON list/],
    ];
    for (const [body, message] of cases) {
      const res = await call(b.server, 'POST', '/api/2/episodes/bad.json', { auth, body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json.error).toBe('bad_request');
      expect(res.json.message).toMatch(message);
    }
    const broken = await call(b.server, 'POST', '/api/2/episodes/bad.json', { auth, body: '[{"podcast": ' });
    expect(broken.status).toBe(400);
    expect(broken.json.error).toBe('bad_json');
    expect((await call(b.server, 'GET', '/api/2/episodes/bad.json', { auth })).json.actions).toEqual([]);
  });

  it('caps actions and bytes per request with 413', async () => {
    const server = await b.startServer({ HOPCAST_SYNC_MAX_ACTIONS: '5', HOPCAST_SYNC_MAX_BODY_BYTES: '4096' });
    await b.addUser('cap');
    const auth = basic('cap');
    const six = Array.from({ length: 6 }, (_, i) => ({ podcast: FEED, episode: EP(i), action: 'download' }));
    const tooMany = await call(server, 'POST', '/api/2/episodes/cap.json', { auth, body: six });
    expect(tooMany.status).toBe(413);
    expect(tooMany.json).toEqual({ error: 'too_many_actions', message: 'At most 5 episode actions per request; send them in batches' });
    const tooBig = await call(server, 'POST', '/api/2/subscriptions/cap/d.json', { auth, body: { add: ['https://x.example/' + 'a'.repeat(5000)] } });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.error).toBe('body_too_large');
    expect((await call(server, 'POST', '/api/2/episodes/cap.json', { auth, body: six.slice(0, 5) })).status).toBe(200);
  });

  it("one user never sees another's subscriptions, actions, devices or state", async () => {
    await b.addUser('one');
    await b.addUser('two');
    await call(b.server, 'POST', '/api/2/subscriptions/one/d.json', { auth: basic('one'), body: { add: ['https://private.example/feed'] } });
    await call(b.server, 'POST', '/api/2/episodes/one.json', {
      auth: basic('one'),
      body: [{ podcast: 'https://private.example/feed', episode: EP(9), action: 'play', position: 5, started: 0, total: 9 }],
    });
    await call(b.server, 'PUT', '/api/2/hopcast/one/state.json', { auth: basic('one'), body: { queue: [{ id: EP(9), updatedAt: 1 }] } });
    const auth = basic('two');
    expect((await call(b.server, 'GET', '/api/2/subscriptions/two/mine.json', { auth })).json).toMatchObject({ add: [], remove: [] });
    expect((await call(b.server, 'GET', '/api/2/episodes/two.json', { auth })).json.actions).toEqual([]);
    expect((await call(b.server, 'GET', '/api/2/devices/two.json', { auth })).json).toEqual([{ id: 'mine', caption: '', type: 'other', subscriptions: 0 }]);
    expect((await call(b.server, 'GET', '/api/2/hopcast/two/state.json', { auth })).json).toEqual({ queue: [], playlists: [], bookmarks: [], updatedAt: 0 });
    for (const path of ['/api/2/subscriptions/one/d.json', '/api/2/episodes/one.json', '/api/2/devices/one.json', '/api/2/hopcast/one/state.json']) {
      expect((await call(b.server, 'GET', path, { auth })).status).toBe(401);
    }
  });

  it('unknown sync paths are JSON 404s; gpodder paths need their .json', async () => {
    const res = await call(b.server, 'GET', '/api/2/nothing/here.json');
    expect(res.status).toBe(404);
    expect(res.json.error).toBe('not_found');
    await b.addUser('ext');
    const bare = await call(b.server, 'GET', '/api/2/episodes/ext', { auth: basic('ext') });
    expect(bare.status).toBe(400);
    expect(bare.json.message).toBe('The path must end in .json');
  });
});
