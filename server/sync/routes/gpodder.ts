import type { Hono, MiddlewareHandler } from 'hono';
import type { SyncEnv } from '../env';
import { readJson } from '../body';
import { badRequest } from '../errors';
import { formatActionTime, parseSince, replyTimestamp } from '../time';
import { checkDeviceId, parseActions, parseDeviceBody, parseSubscriptionUpload } from '../validate';
import { listDevices, saveDevice } from '../store/devices';
import { changeSubscriptions, subscriptionChanges } from '../store/subscriptions';
import { actionsSince, recordActions, type EpisodeAction } from '../store/actions';

/** `{name}.json` from the last path segment; anything else is not one of our paths. */
function jsonName(file: string | undefined): string {
  if (!file?.endsWith('.json') || file.length <= 5) throw badRequest('The path must end in .json');
  return file.slice(0, -5);
}

function since(value: string | undefined): number {
  const ms = parseSince(value);
  if (ms === null) throw badRequest('since must be a whole number of seconds, as a previous reply gave it');
  return ms;
}

/** An action as gpodder clients read it: absent fields left out, never null (mygpoclient and AntennaPod both care). */
function actionJson(a: EpisodeAction): Record<string, unknown> {
  const out: Record<string, unknown> = { podcast: a.podcast, episode: a.episode };
  if (a.guid !== null) out.guid = a.guid;
  if (a.device !== null) out.device = a.device;
  out.action = a.action;
  out.timestamp = formatActionTime(a.timestampMs);
  if (a.action === 'play') {
    if (a.started !== null) out.started = a.started;
    if (a.position !== null) out.position = a.position;
    if (a.total !== null) out.total = a.total;
  }
  return out;
}

/** The gpodder.net API v2 endpoints AntennaPod, Kasts, gPodder and mygpoclient use (docs/SYNC.md). */
export function mountGpodderRoutes(api: Hono<SyncEnv>, requireUser: MiddlewareHandler<SyncEnv>): void {
  api.get('/devices/:file', requireUser, async (c) => {
    jsonName(c.req.param('file'));
    return c.json(await listDevices(c.var.db, c.var.user.id));
  });

  api.post('/devices/:user/:file', requireUser, async (c) => {
    const device = checkDeviceId(jsonName(c.req.param('file')));
    const { caption, type } = parseDeviceBody(await readJson(c));
    await saveDevice(c.var.db, c.var.user.id, device, caption, type);
    // gpodder.net answers an empty 200, and mygpoclient's update_device_settings checks for exactly that.
    return c.body(null, 200);
  });

  // Device synchronisation (Kasts asks for it): subscriptions are per user here, so every device of the
  // user is always in one group; requests to join groups are accepted, requests to leave cannot be honoured.
  const syncStatus = async (userId: string, db: SyncEnv['Variables']['db']) => {
    const ids = (await listDevices(db, userId)).map((d) => d.id);
    return ids.length > 1 ? { synchronized: [ids], 'not-synchronized': [] } : { synchronized: [], 'not-synchronized': ids };
  };
  api.get('/sync-devices/:file', requireUser, async (c) => {
    jsonName(c.req.param('file'));
    return c.json(await syncStatus(c.var.user.id, c.var.db));
  });
  api.post('/sync-devices/:file', requireUser, async (c) => {
    jsonName(c.req.param('file'));
    const body = await readJson(c);
    const groups = body && typeof body === 'object' ? (body as Record<string, unknown>).synchronize : undefined;
    if (groups !== undefined && (!Array.isArray(groups) || !groups.every((g) => Array.isArray(g) && g.every((id) => typeof id === 'string')))) {
      throw badRequest('synchronize must be a list of lists of device ids');
    }
    return c.json(await syncStatus(c.var.user.id, c.var.db));
  });

  api.get('/subscriptions/:user/:file', requireUser, async (c) => {
    const device = checkDeviceId(jsonName(c.req.param('file')));
    const sinceMs = since(c.req.query('since'));
    const now = Date.now();
    const changes = await subscriptionChanges(c.var.db, c.var.user.id, device, sinceMs);
    return c.json({ ...changes, timestamp: replyTimestamp(now) });
  });

  api.post('/subscriptions/:user/:file', requireUser, async (c) => {
    const device = checkDeviceId(jsonName(c.req.param('file')));
    const upload = parseSubscriptionUpload(await readJson(c), c.var.settings.maxActions);
    const now = Date.now();
    await changeSubscriptions(c.var.db, c.var.user.id, device, upload.add, upload.remove, now);
    return c.json({ timestamp: replyTimestamp(now), update_urls: upload.updateUrls });
  });

  api.get('/episodes/:file', requireUser, async (c) => {
    jsonName(c.req.param('file'));
    const sinceMs = since(c.req.query('since'));
    const podcast = c.req.query('podcast') || undefined;
    const device = c.req.query('device') || undefined;
    const now = Date.now();
    const actions = await actionsSince(c.var.db, c.var.user.id, { sinceMs, podcast, device });
    return c.json({ actions: actions.map(actionJson), timestamp: replyTimestamp(now) });
  });

  api.post('/episodes/:file', requireUser, async (c) => {
    jsonName(c.req.param('file'));
    const now = Date.now();
    const actions = parseActions(await readJson(c), c.var.settings.maxActions, now);
    await recordActions(c.var.db, c.var.user.id, actions, now);
    return c.json({ timestamp: replyTimestamp(now), update_urls: [] });
  });
}
