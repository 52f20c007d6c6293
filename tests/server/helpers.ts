import './loopback-only';
import { buildConnector } from 'undici';
import { startServer, type RunningServer } from '../../server/index';
import { readConfig, type ServerConfig, type ProxySettings } from '../../server/config';
import type { LookupFn, DialFn, ResolvedAddress } from '../../server/proxy/connect-guard';

/**
 * The real server on 127.0.0.1:0. `env` is the environment it would read; `proxy` adds
 * the test seams (injected resolver and dialer) that never come from the environment.
 */
export async function startTestServer(env: Record<string, string>, proxy: Partial<ProxySettings> = {}): Promise<RunningServer & { config: ServerConfig }> {
  const config = readConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    HOPCAST_DIST_DIR: '/nonexistent-hopcast-dist',
    // Never the real Apple API from a test: a local port nothing listens on unless a test sets a stub.
    HOPCAST_APPLE_SEARCH_URL: 'http://127.0.0.1:9/search',
    HOPCAST_APPLE_LOOKUP_URL: 'http://127.0.0.1:9/lookup',
    ...env,
  });
  Object.assign(config.proxy, proxy);
  const running = await startServer(config);
  return { ...running, config };
}

export interface JsonError {
  error: string;
  message: string;
}

/**
 * fetch as the app's own page sends it: browsers add `Sec-Fetch-Site: same-origin` to every
 * request of the app, and the origin gate serves only those (tests of the gate pass their own).
 */
export function appFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('sec-fetch-site')) headers.set('sec-fetch-site', 'same-origin');
  return fetch(url, { ...init, headers });
}

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: JsonError & Record<string, unknown> }> {
  const res = await appFetch(url, init);
  const text = await res.text();
  const body = (text ? JSON.parse(text) : {}) as JsonError & Record<string, unknown>;
  return { status: res.status, headers: res.headers, body };
}

/** A real public unicast address standing in for "a host on the internet"; never contacted. */
export const FAKE_PUBLIC_V4 = '93.184.216.34';
/** Another one, standing in for a host that never answers a SYN; its dials just hang, unanswered. */
export const FAKE_SILENT_V4 = '93.184.216.35';

/**
 * A pretend internet for the unsealed proxy: names resolve from a table (never a real resolver),
 * and the only address the dialer will open is FAKE_PUBLIC_V4, which it connects to the local
 * fixture server instead. Every lookup and dial is recorded; nothing leaves 127.0.0.1.
 */
export class FakeInternet {
  readonly lookups: string[] = [];
  readonly dials: string[] = [];
  fixturePort = 0;
  private readonly real = buildConnector({ timeout: 2000 });
  private readonly names = new Map<string, () => ResolvedAddress[] | Promise<ResolvedAddress[]>>();

  name(hostname: string, answer: () => ResolvedAddress[] | Promise<ResolvedAddress[]>): this {
    this.names.set(hostname, answer);
    return this;
  }

  readonly lookup: LookupFn = async (hostname) => {
    this.lookups.push(hostname);
    const answer = this.names.get(hostname);
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer();
  };

  readonly dial: DialFn = (opts, callback) => {
    this.dials.push(`${opts.hostname}:${opts.port || (opts.protocol === 'https:' ? 443 : 80)}`);
    if (opts.hostname === FAKE_SILENT_V4) return;
    if (opts.hostname !== FAKE_PUBLIC_V4 || opts.protocol !== 'http:') {
      callback(new Error(`test dialer refuses ${opts.hostname}`), null);
      return;
    }
    this.real({ ...opts, hostname: '127.0.0.1', host: `127.0.0.1:${this.fixturePort}`, port: String(this.fixturePort) }, callback);
  };

  /** Dials that went anywhere but the stand-in public addresses: must always be empty. */
  strayDials(): string[] {
    return this.dials.filter((d) => !d.startsWith(`${FAKE_PUBLIC_V4}:`) && !d.startsWith(`${FAKE_SILENT_V4}:`));
  }
}

export const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
export const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });
