import type { Context, MiddlewareHandler } from 'hono';
import ipaddr from 'ipaddr.js';
import type { LimitSettings } from '../settings';
import { jsonError } from '../errors';
import type { Refusal } from './fair-share';

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

/** IPv6 clients usually own a whole /64, so that is one client. */
export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return ip.toString();
  return `${(ip as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}

/** A bare IPv4 or IPv6 address, nothing else: a forwarded header is someone's word, not an address. */
function validIp(value: string | undefined): string | null {
  if (!value) return null;
  const text = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  return ipaddr.IPv4.isValidFourPartDecimal(text) || (ipaddr.IPv6.isValid(text) && !text.includes('%')) ? text : null;
}

/**
 * Who is asking. The socket's address, unless HOPCAST_TRUST_PROXY says one reverse proxy of ours
 * stands in front, and then its X-Forwarded-For entry only when it is a valid IP (any string there
 * would make every request a new client).
 */
export function clientAddress(c: Context, trustProxy: boolean, socketAddress: string | null): string {
  if (trustProxy) {
    // The last entry is the one our own reverse proxy added; earlier ones are the client's word.
    const last = c.req
      .header('x-forwarded-for')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    const ip = validIp(last);
    if (ip) return ip;
  }
  return socketAddress ?? 'unknown';
}

export function rateLimit(limits: LimitSettings, keyOf: (c: Context) => string): MiddlewareHandler {
  const limiter = new RateLimiter(limits.rateLimit, limits.rateWindowMs);
  return async (c, next) => {
    const verdict = limiter.take(keyOf(c));
    if (!verdict.ok) {
      c.header('Retry-After', String(verdict.retryAfterS));
      return jsonError(c, 429, 'rate_limited', `Too many requests: try again in ${verdict.retryAfterS} s`);
    }
    await next();
  };
}

export function busy(c: Context, why: Refusal = 'busy'): Response {
  c.header('Retry-After', '1');
  if (why === 'client_cap') {
    return jsonError(c, 429, 'too_many_streams', 'This device already has as many streams open through the server as it may: close one and try again');
  }
  return jsonError(c, 429, 'busy', 'The server is fetching too many things at once: try again in a moment');
}
