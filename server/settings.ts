import type { LookupFn, DialFn } from './proxy/connect-guard';

/**
 * Every setting the HTTP surface (createApp) needs, read from an environment-like record.
 * Pure on purpose: the Node server and the workerd bundle read the same HOPCAST_* names here.
 * docs/CONFIG.md documents each variable.
 */
export type Env = Record<string, string | undefined>;

export interface AppSettings {
  proxy: ProxySettings;
  limits: LimitSettings;
  directory: DirectorySettings;
  access: AccessSettings;
}

export interface ProxySettings {
  /**
   * HOPCAST_PROXY_ALLOW as normalized `host:port` pairs. When set, the proxy reaches exactly
   * these and nothing else (loopback included when listed); null = public unicast addresses only.
   */
  allow: ReadonlySet<string> | null;
  /** Ports allowed when not sealed. */
  ports: ReadonlySet<number>;
  feedMaxBytes: number;
  connectTimeoutMs: number;
  /** Whole feed fetch: connect, redirects, headers and body. */
  feedTimeoutMs: number;
  /** Audio: time to the upstream's response headers, then the longest silence while streaming. */
  audioHeadersTimeoutMs: number;
  audioIdleTimeoutMs: number;
  /**
   * Longest a client may take no bytes of a proxy response still being sent; it is then dropped,
   * so an abandoned reader pins neither a feed's bytes nor an upstream connection and its slot.
   */
  clientIdleTimeoutMs: number;
  /**
   * The slowest a client may read a proxied body: fewer than `clientMinBytesPerSecond` over a window
   * of `clientFloorWindowMs` spent waiting on it and it is cut, so memory and slots held per reader
   * are bounded by design (a slow reader cannot stretch one 30 MB feed over hours).
   */
  clientMinBytesPerSecond: number;
  clientFloorWindowMs: number;
  /** Longest one /api/audio stream may stay open; players resume with Range. */
  audioMaxStreamMs: number;
  maxRedirects: number;
  userAgent: string;
  /** Test seams, never read from the environment: how names resolve and how sockets open. */
  lookup?: LookupFn;
  dial?: DialFn;
}

export interface LimitSettings {
  /** Requests per client per window on the proxy and search routes. */
  rateLimit: number;
  rateWindowMs: number;
  /** Upstream fetches in flight at once, all clients together (audio streams hold one while open). */
  maxUpstream: number;
  /** Upstream streams one client may hold at once (audio streams, feed and search fetches). */
  clientMaxStreams: number;
  /** Slots of maxUpstream only a client holding none may take, so a newcomer is served while others sit at their cap. */
  upstreamReserve: number;
  /** Bytes one client may pull through the proxy per minute; past it its streams are paced, not cut. */
  clientBytesPerMinute: number;
  /** Use the last X-Forwarded-For entry as the client address (behind one reverse proxy), when it is a valid IP. */
  trustProxy: boolean;
}

export interface AccessSettings {
  /** Origins (besides the app's own) whose pages may call the gated /api routes: HOPCAST_ALLOW_ORIGINS. */
  allowOrigins: ReadonlySet<string>;
}

export interface DirectorySettings {
  podcastIndexKey: string | null;
  podcastIndexSecret: string | null;
  appleSearchUrl: string;
  appleLookupUrl: string;
  timeoutMs: number;
  userAgent: string;
  /**
   * Test seam, never read from the environment: the undici dispatcher directory requests use on
   * Node (the e2e's simulated network). Typed loosely so settings.ts needs no undici import.
   */
  dispatcher?: object;
}

const USER_AGENT = 'Hopcast/0.1 (podcast app; +https://github.com/hopcast)';

function intFrom(value: string | undefined, fallback: number, name: string, min = 0): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${value}"`);
  return n;
}

function flagFrom(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new Error(`${name} must be 1 or 0, got "${value}"`);
}

/** `host:port` as the URL parser would spell it, so `127.1:80` and `127.0.0.1:80` are the same pair. */
export function normalizeHostPort(pair: string): string {
  const trimmed = pair.trim();
  const m = /^(\[[^\]]+\]|[^:\s]+):(\d{1,5})$/.exec(trimmed);
  if (!m) throw new Error(`HOPCAST_PROXY_ALLOW entries must be host:port, got "${trimmed}"`);
  const port = Number(m[2]);
  if (port < 1 || port > 65535) throw new Error(`HOPCAST_PROXY_ALLOW port out of range in "${trimmed}"`);
  let url: URL;
  try {
    url = new URL(`http://${m[1]}/`);
  } catch {
    throw new Error(`HOPCAST_PROXY_ALLOW has an invalid host in "${trimmed}"`);
  }
  return `${url.hostname}:${port}`;
}

function allowFrom(value: string | undefined): ReadonlySet<string> | null {
  if (value === undefined || value.trim() === '') return null;
  return new Set(
    value
      .split(',')
      .filter((p) => p.trim() !== '')
      .map(normalizeHostPort),
  );
}

function portsFrom(value: string | undefined): ReadonlySet<number> {
  if (value === undefined || value.trim() === '') return new Set([80, 443]);
  return new Set(value.split(',').map((p) => intFrom(p.trim(), 0, 'HOPCAST_PROXY_PORTS', 1)));
}

function urlFrom(value: string | undefined, fallback: string, name: string): string {
  const raw = value?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be http(s), got "${raw}"`);
  return url.href;
}

export function readProxySettings(env: Env): ProxySettings {
  return {
    allow: allowFrom(env.HOPCAST_PROXY_ALLOW),
    ports: portsFrom(env.HOPCAST_PROXY_PORTS),
    feedMaxBytes: intFrom(env.HOPCAST_FEED_MAX_BYTES, 30 * 1024 * 1024, 'HOPCAST_FEED_MAX_BYTES', 1),
    connectTimeoutMs: intFrom(env.HOPCAST_CONNECT_TIMEOUT_MS, 10_000, 'HOPCAST_CONNECT_TIMEOUT_MS', 1),
    feedTimeoutMs: intFrom(env.HOPCAST_FEED_TIMEOUT_MS, 30_000, 'HOPCAST_FEED_TIMEOUT_MS', 1),
    audioHeadersTimeoutMs: intFrom(env.HOPCAST_AUDIO_HEADERS_TIMEOUT_MS, 20_000, 'HOPCAST_AUDIO_HEADERS_TIMEOUT_MS', 1),
    audioIdleTimeoutMs: intFrom(env.HOPCAST_AUDIO_IDLE_TIMEOUT_MS, 30_000, 'HOPCAST_AUDIO_IDLE_TIMEOUT_MS', 1),
    clientIdleTimeoutMs: intFrom(env.HOPCAST_CLIENT_IDLE_TIMEOUT_MS, 30_000, 'HOPCAST_CLIENT_IDLE_TIMEOUT_MS', 1),
    clientMinBytesPerSecond: intFrom(env.HOPCAST_CLIENT_MIN_BYTES_PER_SECOND, 16 * 1024, 'HOPCAST_CLIENT_MIN_BYTES_PER_SECOND'),
    clientFloorWindowMs: 1000 * intFrom(env.HOPCAST_CLIENT_FLOOR_WINDOW_SECONDS, 10, 'HOPCAST_CLIENT_FLOOR_WINDOW_SECONDS', 1),
    audioMaxStreamMs: 1000 * intFrom(env.HOPCAST_AUDIO_MAX_STREAM_SECONDS, 4 * 3600, 'HOPCAST_AUDIO_MAX_STREAM_SECONDS', 1),
    maxRedirects: intFrom(env.HOPCAST_PROXY_MAX_REDIRECTS, 5, 'HOPCAST_PROXY_MAX_REDIRECTS'),
    userAgent: env.HOPCAST_PROXY_USER_AGENT?.trim() || USER_AGENT,
  };
}

/** Half a key pair would quietly turn Podcast Index off; say so at start instead. */
function keyPairFrom(env: Env): { key: string | null; secret: string | null } {
  const key = env.PODCASTINDEX_API_KEY?.trim() || null;
  const secret = env.PODCASTINDEX_API_SECRET?.trim() || null;
  if ((key === null) !== (secret === null)) {
    throw new Error(`PODCASTINDEX_API_KEY and PODCASTINDEX_API_SECRET must be set together; only ${key ? 'the key' : 'the secret'} is set`);
  }
  return { key, secret };
}

/** `https://app.example` forms only: a path, a wildcard or a typo must stop the server, not open it. */
function originsFrom(value: string | undefined): ReadonlySet<string> {
  const out = new Set<string>();
  for (const raw of (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`HOPCAST_ALLOW_ORIGINS entries must be origins like https://app.example, got "${raw}"`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== raw.replace(/\/$/, '')) {
      throw new Error(`HOPCAST_ALLOW_ORIGINS entries must be origins like https://app.example, got "${raw}"`);
    }
    out.add(url.origin);
  }
  return out;
}

export function readLimitSettings(env: Env): LimitSettings {
  const maxUpstream = intFrom(env.HOPCAST_MAX_UPSTREAM, 64, 'HOPCAST_MAX_UPSTREAM', 1);
  const upstreamReserve = intFrom(env.HOPCAST_UPSTREAM_RESERVE, Math.min(8, Math.floor(maxUpstream / 4)), 'HOPCAST_UPSTREAM_RESERVE');
  if (upstreamReserve >= maxUpstream) throw new Error(`HOPCAST_UPSTREAM_RESERVE (${upstreamReserve}) must be below HOPCAST_MAX_UPSTREAM (${maxUpstream})`);
  return {
    rateLimit: intFrom(env.HOPCAST_RATE_LIMIT, 600, 'HOPCAST_RATE_LIMIT', 1),
    rateWindowMs: 1000 * intFrom(env.HOPCAST_RATE_WINDOW_SECONDS, 60, 'HOPCAST_RATE_WINDOW_SECONDS', 1),
    maxUpstream,
    upstreamReserve,
    clientMaxStreams: intFrom(env.HOPCAST_CLIENT_MAX_STREAMS, 6, 'HOPCAST_CLIENT_MAX_STREAMS', 1),
    clientBytesPerMinute: intFrom(env.HOPCAST_CLIENT_BYTES_PER_MINUTE, 1024 * 1024 * 1024, 'HOPCAST_CLIENT_BYTES_PER_MINUTE', 1),
    trustProxy: flagFrom(env.HOPCAST_TRUST_PROXY, 'HOPCAST_TRUST_PROXY'),
  };
}

/** Everything createApp needs, on Node and on workerd alike. */
export function readSettings(env: Env): AppSettings {
  const podcastIndex = keyPairFrom(env);
  return {
    proxy: readProxySettings(env),
    limits: readLimitSettings(env),
    access: { allowOrigins: originsFrom(env.HOPCAST_ALLOW_ORIGINS) },
    directory: {
      podcastIndexKey: podcastIndex.key,
      podcastIndexSecret: podcastIndex.secret,
      appleSearchUrl: urlFrom(env.HOPCAST_APPLE_SEARCH_URL, 'https://itunes.apple.com/search', 'HOPCAST_APPLE_SEARCH_URL'),
      appleLookupUrl: urlFrom(env.HOPCAST_APPLE_LOOKUP_URL, 'https://itunes.apple.com/lookup', 'HOPCAST_APPLE_LOOKUP_URL'),
      timeoutMs: intFrom(env.HOPCAST_SEARCH_TIMEOUT_MS, 8_000, 'HOPCAST_SEARCH_TIMEOUT_MS', 1),
      userAgent: USER_AGENT,
    },
  };
}

export { intFrom };
