import { SyncError, badRequest } from './errors';
import { parseActionTime } from './time';
import { DEVICE_ID, DEVICE_TYPES, type DeviceType } from './store/devices';
import type { ActionKind, EpisodeAction } from './store/actions';
import { SECTIONS, type StateChanges, type StateItem } from './store/state';

/**
 * Everything a sync client sends is checked here before it reaches the database: types, sizes,
 * and bytes PostgreSQL would refuse (NUL in text). Errors name the field, so a client author can fix it.
 */
const MAX_URL_BYTES = 2048;
const MAX_ITEM_BYTES = 16 * 1024;
const FUTURE_SLACK_MS = 86_400_000;
const MAX_SECONDS = 2_147_483_647;

const tooMany = (max: number, what: string) => new SyncError(413, 'too_many_actions', `At most ${max} ${what} per request; send them in batches`);

function text(value: unknown, field: string, maxBytes: number): string {
  if (typeof value !== 'string' || value === '') throw badRequest(`${field} must be a non-empty string`);
  if (Buffer.byteLength(value) > maxBytes) throw badRequest(`${field} is longer than ${maxBytes} bytes`);
  if (value.includes('\u0000')) throw badRequest(`${field} must not contain NUL characters`);
  return value;
}

/** A feed URL as stored, or null when it cannot be one (gpodder then reports it as `[sent, ""]`). */
export function normalizeFeedUrl(sent: string): string | null {
  let raw = sent.trim().replace(/^(feed|itpc|pcast):(\/\/)?/i, 'http://');
  if (!/^[a-z][a-z0-9+.-]*:/i.test(raw)) raw = `http://${raw}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
  url.hash = '';
  const href = url.href;
  return Buffer.byteLength(href) > MAX_URL_BYTES || href.includes('\u0000') ? null : href;
}

export interface SubscriptionUpload {
  add: string[];
  remove: string[];
  updateUrls: Array<[string, string]>;
}

export function parseSubscriptionUpload(body: unknown, max: number): SubscriptionUpload {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The body must be a JSON object {"add": [...], "remove": [...]}');
  const lists = { add: [] as string[], remove: [] as string[] };
  const updateUrls: Array<[string, string]> = [];
  let count = 0;
  for (const key of ['add', 'remove'] as const) {
    const list = (body as Record<string, unknown>)[key] ?? [];
    if (!Array.isArray(list)) throw badRequest(`${key} must be a list of feed URLs`);
    count += list.length;
    if (count > max) throw tooMany(max, 'subscription changes');
    list.forEach((sent, i) => {
      if (typeof sent !== 'string') throw badRequest(`${key}[${i}] must be a string`);
      const url = normalizeFeedUrl(sent.slice(0, 4 * MAX_URL_BYTES));
      if (url !== sent) updateUrls.push([sent, url ?? '']);
      if (url !== null) lists[key].push(url);
    });
  }
  const add = [...new Set(lists.add)];
  const remove = [...new Set(lists.remove)];
  const removing = new Set(remove);
  const both = add.find((u) => removing.has(u));
  if (both) throw badRequest(`${both} is both in add and remove`);
  return { add, remove, updateUrls };
}

/**
 * A play field in whole seconds. A negative number means "unknown": AntennaPod uploads -1 for a play it
 * has no position for (and Nextcloud gpoddersync stores -1 as its default), so it is stored as absent
 * rather than refusing the batch, which such a client would retry for ever.
 */
function seconds(value: unknown, field: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value > MAX_SECONDS) {
    throw badRequest(`${field} must be a whole number of seconds ≥ 0`);
  }
  return value < 0 ? null : Math.floor(value);
}

const KINDS: readonly ActionKind[] = ['download', 'play', 'delete', 'new'];

export function parseActions(body: unknown, max: number, now: number): EpisodeAction[] {
  if (!Array.isArray(body)) throw badRequest('The body must be a JSON list of episode actions');
  if (body.length > max) throw tooMany(max, 'episode actions');
  return body.map((raw: unknown, i): EpisodeAction => {
    const at = `actions[${i}]`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest(`${at} must be an object`);
    const a = raw as Record<string, unknown>;
    const action = typeof a.action === 'string' ? (a.action.toLowerCase() as ActionKind) : undefined;
    if (!action || !KINDS.includes(action)) throw badRequest(`${at}.action must be one of ${KINDS.join(', ')}`);
    let timestampMs = now;
    if (a.timestamp !== undefined && a.timestamp !== null) {
      const parsed = parseActionTime(a.timestamp, now);
      if (parsed === null) throw badRequest(`${at}.timestamp must be a time like 2026-12-02T14:05:09`);
      timestampMs = parsed;
    }
    const device = a.device === undefined || a.device === null || a.device === '' ? null : text(a.device, `${at}.device`, 64);
    if (device !== null && !DEVICE_ID.test(device)) throw badRequest(`${at}.device may only hold letters, digits, dots, dashes and underscores`);
    const play = action === 'play';
    return {
      podcast: text(a.podcast, `${at}.podcast`, MAX_URL_BYTES),
      episode: text(a.episode, `${at}.episode`, MAX_URL_BYTES),
      action,
      guid: a.guid === undefined || a.guid === null || a.guid === '' ? null : text(a.guid, `${at}.guid`, MAX_URL_BYTES),
      device,
      timestampMs,
      // Play-only fields on other actions are dropped: mygpoclient fails a whole download that has them.
      started: play ? seconds(a.started, `${at}.started`) : null,
      position: play ? seconds(a.position, `${at}.position`) : null,
      total: play ? seconds(a.total, `${at}.total`) : null,
    };
  });
}

export function parseDeviceBody(body: unknown): { caption?: string; type?: DeviceType } {
  if (body === null || body === undefined) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('The body must be a JSON object {"caption", "type"}');
  const b = body as Record<string, unknown>;
  const out: { caption?: string; type?: DeviceType } = {};
  if (b.caption !== undefined && b.caption !== null) {
    if (typeof b.caption !== 'string' || Array.from(b.caption).length > 200 || b.caption.includes('\u0000')) throw badRequest('caption must be a string of at most 200 characters');
    out.caption = b.caption;
  }
  if (b.type !== undefined && b.type !== null) {
    if (typeof b.type !== 'string' || !DEVICE_TYPES.includes(b.type as DeviceType)) throw badRequest(`type must be one of ${DEVICE_TYPES.join(', ')}`);
    out.type = b.type as DeviceType;
  }
  return out;
}

export function checkDeviceId(id: string): string {
  if (!DEVICE_ID.test(id)) throw badRequest('Device ids are 1–64 letters, digits, dots, dashes or underscores');
  return id;
}

export function parseStateChanges(body: unknown, max: number, now: number): StateChanges {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The body must be a JSON object {"queue": [...], "playlists": [...], "bookmarks": [...]}');
  const b = body as Record<string, unknown>;
  const changes: StateChanges = {};
  let count = 0;
  for (const section of SECTIONS) {
    const list = b[section];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) throw badRequest(`${section} must be a list of items`);
    count += list.length;
    if (count > max) throw tooMany(max, 'state items');
    const byId = new Map<string, StateItem>();
    list.forEach((raw: unknown, i) => {
      const at = `${section}[${i}]`;
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest(`${at} must be an object`);
      const item = raw as Record<string, unknown>;
      // Any string: Hopcast's own episode ids (feed URL, U+0000, guid) are welcome as queue ids.
      const id = item.id;
      if (typeof id !== 'string' || id === '') throw badRequest(`${at}.id must be a non-empty string`);
      if (Buffer.byteLength(id) > 1024) throw badRequest(`${at}.id is longer than 1024 bytes`);
      const updatedAt = item.updatedAt;
      if (typeof updatedAt !== 'number' || !Number.isSafeInteger(updatedAt) || updatedAt < 0) throw badRequest(`${at}.updatedAt must be whole milliseconds since 1970`);
      if (updatedAt > now + FUTURE_SLACK_MS) throw badRequest(`${at}.updatedAt is more than a day in the future: check the device's clock`);
      if (item.deleted !== undefined && item.deleted !== true && item.deleted !== false) throw badRequest(`${at}.deleted must be true or absent`);
      const json = JSON.stringify(item);
      if (Buffer.byteLength(json) > MAX_ITEM_BYTES) throw badRequest(`${at} is larger than ${MAX_ITEM_BYTES / 1024} KiB`);
      const held = byId.get(id);
      if (!held || updatedAt > held.updatedAt) byId.set(id, { id, updatedAt, deleted: item.deleted === true, body: json });
    });
    changes[section] = [...byId.values()];
  }
  return changes;
}
