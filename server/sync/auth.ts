import { createHmac, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { clientAddress, clientKey } from '../proxy/limits';
import { socketAddress } from '../node/conn';
import { jsonError } from '../errors';
import type { SyncEnv } from './env';
import { findUser } from './store/users';
import { createSession, sessionUser } from './store/sessions';
import { decoyHash, verifyPassword } from './password';

export const COOKIE = 'sessionid';
export const COOKIE_PATH = '/api/2/';
export const REALM = 'Hopcast sync';

/**
 * Wrong passwords per client per minute before it is told to wait: scrypt makes each guess cost the
 * server 0.1 s, so guessing must be slowed at the door, not only made expensive.
 */
const FAILURES_PER_MINUTE = 10;
type Failures = Map<string, { count: number; since: number }>;

function failureWait(failures: Failures, key: string, now: number): number {
  const f = failures.get(key);
  if (!f || now - f.since >= 60_000) return 0;
  return f.count >= FAILURES_PER_MINUTE ? Math.ceil((f.since + 60_000 - now) / 1000) : 0;
}

function noteFailure(failures: Failures, key: string, now: number): void {
  const f = failures.get(key);
  if (!f || now - f.since >= 60_000) failures.set(key, { count: 1, since: now });
  else f.count++;
  if (failures.size > 10_000) for (const [k, v] of failures) if (now - v.since >= 60_000) failures.delete(k);
}

/**
 * Clients that keep no cookie (a Hopcast app on another origin) send Basic credentials on every
 * request; a verified pair is remembered for 5 minutes under a keyed hash, so only the first costs a hash.
 */
const CACHE_MS = 5 * 60_000;

function basicCredentials(header: string | undefined): { name: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m || m[1].length > 4096) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function secure(c: Context<SyncEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.var.settings.trustProxy && c.req.header('x-forwarded-proto')?.split(',').pop()?.trim() === 'https';
}

export function setSessionCookie(c: Context<SyncEnv>, token: string): void {
  setCookie(c, COOKIE, token, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    maxAge: Math.floor(c.var.settings.sessionMs / 1000),
  });
}

/** The path's user name: `{user}` or `{user}.json`. */
export function pathUser(c: Context<SyncEnv>): string {
  const user = c.req.param('user') ?? c.req.param('file') ?? '';
  return user.endsWith('.json') && !c.req.param('user') ? user.slice(0, -5) : user;
}

/** 401, with the Basic challenge gpodder clients need, but none for page scripts (no browser password dialog). */
export function unauthorized(c: Context<SyncEnv>, message: string): Response {
  const mode = c.req.header('sec-fetch-mode');
  if (mode !== 'cors' && mode !== 'same-origin' && mode !== 'no-cors') c.header('WWW-Authenticate', `Basic realm="${REALM}", charset="UTF-8"`);
  return jsonError(c, 401, 'unauthorized', message);
}

/**
 * Lets a request through only as the user its path names: by session cookie, or by Basic credentials
 * (which also start a session). Anyone else, including another signed-in user, gets 401.
 */
export function createRequireUser(): MiddlewareHandler<SyncEnv> {
  // Per server instance, so one server's wrong passwords or cache never leak into another's.
  const failures: Failures = new Map();
  const cacheKey = randomBytes(32);
  const verified = new Map<string, { id: string; name: string; until: number }>();
  // The session last handed to each credential pair: a client without a cookie jar (Kasts sends Basic every
  // time) keeps getting the same session instead of leaving a new row behind with every request.
  const issued = new Map<string, string>();
  return async (c, next) => {
    const db = c.var.db;
    const wanted = pathUser(c);
    const token = getCookie(c, COOKIE);
    const session = token ? await sessionUser(db, token) : null;
    if (session && session.name === wanted) {
      c.set('user', session);
      return next();
    }
    const creds = basicCredentials(c.req.header('authorization'));
    if (!creds) {
      if (session) return unauthorized(c, `Signed in as ${session.name}, not as ${wanted}`);
      return unauthorized(c, token ? 'Your session has ended: sign in again' : 'Sign in with your sync user name and password');
    }

    const now = Date.now();
    const client = clientKey(clientAddress(c, c.var.settings.trustProxy, socketAddress(c)));
    const wait = failureWait(failures, client, now);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return jsonError(c, 429, 'rate_limited', `Too many wrong passwords: try again in ${wait} s`);
    }
    const key = createHmac('sha256', cacheKey).update(`${creds.name}\u0000${creds.password}`).digest('base64');
    let user: { id: string; name: string } | null = null;
    const cached = verified.get(key);
    if (cached && cached.until > now) {
      user = { id: cached.id, name: cached.name };
    } else {
      const found = await findUser(db, creds.name);
      const ok = await verifyPassword(creds.password, found?.passwordHash ?? (await decoyHash()));
      if (found && ok) {
        user = { id: found.id, name: found.name };
        if (verified.size > 1000) verified.clear();
        verified.set(key, { ...user, until: now + CACHE_MS });
      }
    }
    if (!user) {
      noteFailure(failures, client, now);
      return unauthorized(c, 'Wrong user name or password');
    }
    if (user.name !== wanted) return unauthorized(c, `Signed in as ${user.name}, not as ${wanted}`);
    // A page on another origin cannot keep our cookie (CORS without credentials): a session would only pile up rows.
    const origin = c.req.header('origin');
    if (!origin || origin === new URL(c.req.url).origin) {
      let token = issued.get(key);
      if (!token || (await sessionUser(db, token))?.id !== user.id) {
        token = await createSession(db, user.id, c.var.settings.sessionMs);
        if (issued.size > 1000) issued.clear();
        issued.set(key, token);
      }
      setSessionCookie(c, token);
    }
    c.set('user', user);
    return next();
  };
}
