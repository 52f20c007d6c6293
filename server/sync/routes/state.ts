import type { Hono, Context, MiddlewareHandler } from 'hono';
import type { SyncEnv } from '../env';
import { readJson } from '../body';
import { parseStateChanges } from '../validate';
import { mergeState, readState } from '../store/state';

/** The Hopcast extension: queue, playlists and bookmarks, merged per item, newest `updatedAt` wins (docs/SYNC.md). */
export function mountStateRoutes(api: Hono<SyncEnv>, requireUser: MiddlewareHandler<SyncEnv>): void {
  api.get('/hopcast/:user/state.json', requireUser, async (c) => c.json(await readState(c.var.db, c.var.user.id)));

  const put = async (c: Context<SyncEnv>) => {
    const now = Date.now();
    const changes = parseStateChanges(await readJson(c), c.var.settings.maxActions, now);
    await mergeState(c.var.db, c.var.user.id, changes, now);
    return c.json(await readState(c.var.db, c.var.user.id));
  };
  api.put('/hopcast/:user/state.json', requireUser, put);
  api.post('/hopcast/:user/state.json', requireUser, put);
}
