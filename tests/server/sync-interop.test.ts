import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mygpo as runMygpo, PYTHON, run } from './interop/mygpo';
import { basic, call, forEachBackend, PASSWORD } from './sync-helpers';

/**
 * Interoperability with a real gpodder client: Debian's python3-mygpoclient 1.9 (what gPodder uses),
 * run as a child process against the server on 127.0.0.1. `.ci/run` installs it when missing; here a
 * missing library fails (the check below), so the server's interoperability is never silently untested.
 */
const mygpo = (root: string, user: string, device: string, ...args: string[]) => runMygpo(root, user, PASSWORD, device, ...args);

const FEED = 'https://feeds.example.com/interop.xml';
const EPISODE = 'https://cdn.example.com/interop/ep5.mp3';

describe('mygpoclient is installed', () => {
  it('python3-mygpoclient 1.9 is importable (apt-get install -y python3-mygpoclient)', async () => {
    expect(existsSync(PYTHON)).toBe(true);
    const { stdout } = await run(PYTHON, ['-c', 'import mygpoclient; print(mygpoclient.__version__)']);
    expect(stdout.trim()).toBe('1.9');
  });
});

forEachBackend((b) => {
  it('mygpoclient uploads a device, subscriptions and a play action, and the server stores them', async () => {
    await b.addUser('gpo');
    const out = await mygpo(b.server.url, 'gpo', 'laptop', 'upload', FEED, EPISODE, '1234', '3600');
    expect(out).toMatchObject({ version: '1.9', device_saved: true, update_urls: [] });
    expect(out.subscriptions_since).toEqual(expect.any(Number));
    expect(out.actions_since).toEqual(expect.any(Number));

    // What the Hopcast app will read back through the same API.
    const auth = basic('gpo');
    const subs = await call(b.server, 'GET', '/api/2/subscriptions/gpo/hopcast.json', { auth });
    expect(subs.json.add).toEqual([FEED]);
    const actions = await call(b.server, 'GET', '/api/2/episodes/gpo.json', { auth });
    expect(actions.json.actions).toEqual([{ podcast: FEED, episode: EPISODE, device: 'laptop', action: 'play', timestamp: '2026-11-29T08:15:00', started: 0, position: 1234, total: 3600 }]);
    const devices = await call(b.server, 'GET', '/api/2/devices/gpo.json', { auth });
    expect(devices.json).toContainEqual({ id: 'laptop', caption: 'gPodder on a laptop', type: 'laptop', subscriptions: 1 });
  });

  it('mygpoclient downloads the play position Hopcast uploaded, next to a download action it must not choke on', async () => {
    await b.addUser('hop');
    const auth = basic('hop');
    // As the Hopcast app uploads: JSON, Basic credentials, toISOString() times, fractional seconds.
    await call(b.server, 'POST', '/api/2/subscriptions/hop/hopcast-web.json', { auth, body: { add: [FEED], remove: [] } });
    const playedAt = new Date(Date.now() - 60_000);
    const up = await call(b.server, 'POST', '/api/2/episodes/hop.json', {
      auth,
      body: [
        { podcast: FEED, episode: EPISODE, guid: 'urn:uuid:ep5', device: 'hopcast-web', action: 'download', timestamp: new Date(Date.now() - 120_000).toISOString(), position: 0, total: 3600 },
        { podcast: FEED, episode: EPISODE, guid: 'urn:uuid:ep5', device: 'hopcast-web', action: 'play', timestamp: playedAt.toISOString(), started: 600, position: 754.6, total: 3600.2 },
      ],
    });
    expect(up.status).toBe(200);

    const out = await mygpo(b.server.url, 'hop', 'laptop', 'download');
    expect(out.add).toEqual([FEED]);
    expect(out.remove).toEqual([]);
    const actions = out.actions as Array<Record<string, unknown>>;
    expect(actions).toHaveLength(2);
    expect(actions.find((a) => a.action === 'play')).toEqual({
      podcast: FEED,
      episode: EPISODE,
      action: 'play',
      device: 'hopcast-web',
      timestamp: playedAt.toISOString().slice(0, 19),
      started: 600,
      position: 754,
      total: 3600,
    });
    expect(actions.find((a) => a.action === 'download')).not.toHaveProperty('position');
    expect(out.devices).toEqual(
      expect.arrayContaining([
        ['hopcast-web', '', 'other', 1],
        ['laptop', '', 'other', 1],
      ]),
    );
  });
});
