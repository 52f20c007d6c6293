import type { Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { jsonError } from '../../errors';
import type { SyncEnv } from '../env';
import { COOKIE, COOKIE_PATH, setSessionCookie } from '../auth';
import { readJson } from '../body';
import { accountProblem } from '../password';
import { createUser, findUser } from '../store/users';
import { createSession, deleteSession } from '../store/sessions';
import { badRequest } from '../errors';

export function mountAuthRoutes(api: Hono<SyncEnv>, requireUser: MiddlewareHandler<SyncEnv>): void {
  // requireUser has checked the credentials (or cookie) and set the session cookie.
  api.post('/auth/:user/login.json', requireUser, (c) => c.json({ username: c.var.user.name }));

  // Needs no credentials: it can only end the session whose cookie it carries.
  api.post('/auth/:user/logout.json', async (c) => {
    const token = getCookie(c, COOKIE);
    if (token) await deleteSession(c.var.db, token);
    deleteCookie(c, COOKIE, { path: COOKIE_PATH });
    return c.json({ username: c.req.param('user') });
  });

  api.post('/hopcast/signup.json', async (c) => {
    if (!c.var.settings.signup) return jsonError(c, 404, 'not_found', 'Sign-up is off on this server: ask its owner for an account');
    const body = await readJson(c);
    const { username, password } = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    if (typeof username !== 'string' || typeof password !== 'string') throw badRequest('Send {"username": "…", "password": "…"}');
    const problem = accountProblem(username, password);
    if (problem) throw badRequest(problem);
    if (!(await createUser(c.var.db, username, password))) return jsonError(c, 409, 'user_exists', `The name ${username} is taken`);
    const user = await findUser(c.var.db, username);
    setSessionCookie(c, await createSession(c.var.db, user!.id, c.var.settings.sessionMs));
    return c.json({ username }, 201);
  });
}
