import { expect, it } from 'vitest';
import { basic, call, forEachBackend } from './sync-helpers';

const STATE = (user: string) => `/api/2/hopcast/${user}/state.json`;
const q = (n: number, updatedAt: number, extra: Record<string, unknown> = {}) => ({
  id: `https://cdn.example.com/ep${n}.mp3`,
  podcast: 'https://feeds.example.com/show.xml',
  order: n,
  updatedAt,
  ...extra,
});

forEachBackend((b) => {
  it('starts empty, and a PUT answers the whole merged state', async () => {
    await b.addUser('sa');
    const auth = basic('sa');
    expect((await call(b.server, 'GET', STATE('sa'), { auth })).json).toEqual({ queue: [], playlists: [], bookmarks: [], updatedAt: 0 });
    const bookmark = { id: 'b-1', podcast: 'https://feeds.example.com/show.xml', episode: 'https://cdn.example.com/ep1.mp3', at: 754, note: 'the good part', updatedAt: 3000 };
    const put = await call(b.server, 'PUT', STATE('sa'), { auth, body: { queue: [q(2, 2000), q(1, 1000)], bookmarks: [bookmark] } });
    expect(put.status).toBe(200);
    expect(put.json.queue).toEqual([q(1, 1000), q(2, 2000)]);
    expect(put.json.bookmarks).toEqual([bookmark]);
    expect(put.json.playlists).toEqual([]);
    expect(put.json.updatedAt).toBeGreaterThan(0);
    expect((await call(b.server, 'GET', STATE('sa'), { auth })).json).toEqual(put.json);
  });

  it('merges per item: newer updatedAt wins, older and equal do not, absent sections are left alone', async () => {
    await b.addUser('sb');
    const auth = basic('sb');
    const playlist = { id: 'p-1', name: 'Commute', episodes: [{ podcast: 'https://f.example/rss', episode: 'https://f.example/1.mp3' }], updatedAt: 1000 };
    await call(b.server, 'PUT', STATE('sb'), { auth, body: { queue: [q(1, 1000), q(2, 1000)], playlists: [playlist] } });
    const before = (await call(b.server, 'GET', STATE('sb'), { auth })).json;
    // Device B moved ep1 (newer), sent a stale ep2 (older) and a new ep3.
    const merged = await call(b.server, 'PUT', STATE('sb'), { auth, body: { queue: [q(1, 5000, { order: 9 }), q(2, 500, { order: 0 }), q(3, 1000)] } });
    const byId = Object.fromEntries(merged.json.queue.map((i: { id: string }) => [i.id, i]));
    expect(byId['https://cdn.example.com/ep1.mp3']).toEqual(q(1, 5000, { order: 9 }));
    expect(byId['https://cdn.example.com/ep2.mp3']).toEqual(q(2, 1000));
    expect(byId['https://cdn.example.com/ep3.mp3']).toEqual(q(3, 1000));
    expect(merged.json.playlists).toEqual([playlist]);
    const tie = await call(b.server, 'PUT', STATE('sb'), { auth, body: { queue: [q(3, 1000, { order: 77 })] } });
    expect(tie.json.queue.find((i: { id: string }) => i.id.endsWith('ep3.mp3')).order).toBe(3);
    expect(merged.json.updatedAt).toBeGreaterThanOrEqual(before.updatedAt);

    // A removal is a tombstone that wins by time like any change, and is kept for other devices to see.
    const removed = await call(b.server, 'PUT', STATE('sb'), { auth, body: { queue: [{ id: 'https://cdn.example.com/ep1.mp3', deleted: true, updatedAt: 6000 }] } });
    expect(removed.json.queue.find((i: { id: string }) => i.id.endsWith('ep1.mp3'))).toEqual({ id: 'https://cdn.example.com/ep1.mp3', deleted: true, updatedAt: 6000 });
    const resurrect = await call(b.server, 'PUT', STATE('sb'), { auth, body: { queue: [q(1, 5500)] } });
    expect(resurrect.json.queue.find((i: { id: string }) => i.id.endsWith('ep1.mp3')).deleted).toBe(true);
  });

  it("takes Hopcast's own episode ids (feed URL, U+0000, guid) as item ids, distinct from look-alikes", async () => {
    await b.addUser('nul');
    const auth = basic('nul');
    const feed = 'https://feeds.example.com/show.xml';
    const items = [
      { id: `${feed}\u0000ep-1`, order: 1, updatedAt: 10 },
      { id: `${feed}\\u0000ep-1`, order: 2, updatedAt: 10 },
      { id: `${feed}\u0000ep-2`, order: 3, updatedAt: 10 },
    ];
    const put = await call(b.server, 'PUT', STATE('nul'), { auth, body: { queue: items } });
    expect(put.status).toBe(200);
    expect(new Set(put.json.queue.map((i: { id: string }) => i.id))).toEqual(new Set(items.map((i) => i.id)));
    const moved = await call(b.server, 'PUT', STATE('nul'), { auth, body: { queue: [{ id: `${feed}\u0000ep-1`, order: 9, updatedAt: 20 }] } });
    expect(moved.json.queue).toHaveLength(3);
    expect(moved.json.queue.find((i: { id: string }) => i.id === `${feed}\u0000ep-1`).order).toBe(9);
  });

  it('refuses bad items with the field named, and changes nothing', async () => {
    await b.addUser('sc');
    const auth = basic('sc');
    const cases: Array<[unknown, RegExp]> = [
      [{ queue: [{ id: 'a', updatedAt: 1 }, { id: 'b' }] }, /^queue\[1\]\.updatedAt must be whole milliseconds/],
      [{ queue: [{ id: '', updatedAt: 1 }] }, /^queue\[0\]\.id must be a non-empty string/],
      [{ bookmarks: [{ id: 'x', updatedAt: Date.now() + 3 * 86_400_000 }] }, /more than a day in the future/],
      [{ playlists: [{ id: 'x', updatedAt: 1, deleted: 'yes' }] }, /deleted must be true or absent/],
      [{ playlists: [{ id: 'x', updatedAt: 1, name: 'n'.repeat(17_000) }] }, /larger than 16 KiB/],
      [{ queue: { id: 'x' } }, /^queue must be a list/],
      [[1, 2], /must be a JSON object/],
    ];
    for (const [body, message] of cases) {
      const res = await call(b.server, 'PUT', STATE('sc'), { auth, body });
      expect(res.status).toBe(400);
      expect(res.json.message).toMatch(message);
    }
    expect((await call(b.server, 'GET', STATE('sc'), { auth })).json.updatedAt).toBe(0);
  });

  it('a section over its 10,000 items is refused whole (413) and nothing of the request is kept', async () => {
    const server = await b.startServer({ HOPCAST_SYNC_MAX_ACTIONS: '6000' });
    await b.addUser('sd');
    const auth = basic('sd');
    const items = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: `i${from + i}`, updatedAt: 1 }));
    expect((await call(server, 'PUT', STATE('sd'), { auth, body: { bookmarks: items(0, 6000) } })).status).toBe(200);
    const over = await call(server, 'PUT', STATE('sd'), { auth, body: { queue: [{ id: 'kept?', updatedAt: 1 }], bookmarks: items(6000, 4001) } });
    expect(over.status).toBe(413);
    expect(over.json).toMatchObject({ error: 'too_many_items', message: expect.stringMatching(/bookmarks section can hold at most 10000/) });
    const now = (await call(server, 'GET', STATE('sd'), { auth })).json;
    expect(now.bookmarks).toHaveLength(6000);
    expect(now.queue).toEqual([]);
  });
});
