import type { Hono } from 'hono';
import { createApp } from '../app';
import { readSettings, type Env } from '../settings';
import { edgePlatform, type AssetFetcher } from './platform';

/**
 * The workerd / Cloudflare Workers entry: the same createApp() as the Node server, built once per
 * isolate from the bindings (HOPCAST_* as text bindings, ASSETS as the built app).
 */
type WorkerEnv = Env & { ASSETS?: AssetFetcher };

let app: Hono | null = null;

export default {
  fetch(request: Request, env: WorkerEnv, ctx: unknown): Response | Promise<Response> {
    if (!app) {
      const vars: Env = {};
      for (const [name, value] of Object.entries(env)) if (typeof value === 'string') vars[name] = value;
      app = createApp(readSettings(vars), edgePlatform(env.ASSETS));
    }
    return app.fetch(request, env, ctx as never);
  },
};
