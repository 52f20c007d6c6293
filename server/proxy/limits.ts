import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import ipaddr from 'ipaddr.js';
import type { LimitSettings } from '../config';
import { jsonError } from '../errors';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client: `limit` requests at once, refilled evenly over `windowMs`,
 * so a burst (refreshing every subscription) passes and a sustained flood is slowed.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly limit: number,
    windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = limit / windowMs;
  }

  /** Takes one token; when none is left, says how many seconds until one is. */
  take(key: string): { ok: true } | { ok: false; retryAfterS: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit, at: now };
    bucket.tokens = Math.min(this.limit, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.prune(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  /** Full buckets hold no information: forget them so the map stays small. */
  private prune(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.perMs >= this.limit) this.buckets.delete(key);
    }
  }
}

/** Upstream fetches in flight across all clients. `tryAcquire` never waits: a full server says 429. */
export class ConcurrencyGate {
  private active = 0;
  constructor(readonly max: number) {}

  get inFlight(): number {
    return this.active;
  }

  tryAcquire(): (() => void) | null {
    if (this.active >= this.max) return null;
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
    };
  }
}

/** IPv6 clients usually own a whole /64, so that is one client. */
export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return ip.toString();
  return `${(ip as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    // The last entry is the one our own reverse proxy added; earlier ones are the client's word.
    const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function rateLimit(limits: LimitSettings): MiddlewareHandler {
  const limiter = new RateLimiter(limits.rateLimit, limits.rateWindowMs);
  return async (c, next) => {
    const verdict = limiter.take(clientKey(clientAddress(c, limits.trustProxy)));
    if (!verdict.ok) {
      c.header('Retry-After', String(verdict.retryAfterS));
      return jsonError(c, 429, 'rate_limited', `Too many requests: try again in ${verdict.retryAfterS} s`);
    }
    await next();
  };
}

export function busy(c: Context): Response {
  c.header('Retry-After', '1');
  return jsonError(c, 429, 'busy', 'The server is fetching too many things at once: try again in a moment');
}
