/**
 * HTTP client for a gpodder API v2 server with the Hopcast state extension (docs/SYNC.md).
 * Credentials go as HTTP Basic on every request: that works on this origin and on another
 * Hopcast server (whose CORS allows no cookies); the server caches verified credentials.
 */
import { readActions, readState, readSubscriptions, type ActionsReply, type EpisodeAction, type HopcastState, type StateItem, type SubscriptionChanges } from '../core/sync';
import { HttpError, request } from './http';

export interface SyncAccount {
  /** Server root, e.g. `https://hopcast.example` (the client adds `/api/2`). */
  server: string;
  user: string;
  password: string;
  device: string;
}

/** gpodder servers cap a request (Hopcast: 1000 actions); AntennaPod sends 30 at a time. */
export const UPLOAD_BATCH = 500;

function basic(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

export class SyncClient {
  private readonly base: string;
  private readonly auth: string;

  constructor(private readonly account: SyncAccount) {
    this.base = `${account.server.replace(/\/+$/, '')}/api/2`;
    this.auth = basic(account.user, account.password);
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await request(`${this.base}${path}`, {
      method,
      headers: { Authorization: this.auth, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      // No cookies: every request carries its credentials, and another origin could not take them anyway.
      credentials: 'omit',
      timeoutMs: 30_000,
    });
    const text = await response.text();
    if (!text) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new HttpError(response.status, 'bad_response', 'The sync server sent an answer that is not JSON');
    }
  }

  private get user(): string {
    return encodeURIComponent(this.account.user);
  }

  login(): Promise<unknown> {
    return this.call('POST', `/auth/${this.user}/login.json`);
  }

  async registerDevice(): Promise<void> {
    await this.call('POST', `/devices/${this.user}/${encodeURIComponent(this.account.device)}.json`, { caption: 'Hopcast', type: 'other' });
  }

  async uploadSubscriptions(add: string[], remove: string[]): Promise<number> {
    const reply = (await this.call('POST', `/subscriptions/${this.user}/${encodeURIComponent(this.account.device)}.json`, { add, remove })) as { timestamp?: unknown } | null;
    return typeof reply?.timestamp === 'number' ? reply.timestamp : 0;
  }

  async subscriptions(since: number): Promise<SubscriptionChanges> {
    return readSubscriptions(await this.call('GET', `/subscriptions/${this.user}/${encodeURIComponent(this.account.device)}.json?since=${since}`));
  }

  async uploadActions(actions: EpisodeAction[]): Promise<void> {
    for (let i = 0; i < actions.length; i += UPLOAD_BATCH) await this.call('POST', `/episodes/${this.user}.json`, actions.slice(i, i + UPLOAD_BATCH));
  }

  async actions(since: number): Promise<ActionsReply> {
    return readActions(await this.call('GET', `/episodes/${this.user}.json?since=${since}`));
  }

  async state(): Promise<HopcastState> {
    return readState(await this.call('GET', `/hopcast/${this.user}/state.json`));
  }

  async putState(changes: { queue?: StateItem[]; playlists?: StateItem[]; bookmarks?: StateItem[] }): Promise<HopcastState> {
    return readState(await this.call('PUT', `/hopcast/${this.user}/state.json`, changes));
  }
}
