import type { Hono } from 'hono';

/**
 * Work to do when the server stops (close a database pool), registered by the part that opened it,
 * run by `RunningServer.close()`: the app stays a plain Hono app and parts stay independent.
 */
const hooks = new WeakMap<Hono, Array<() => Promise<void>>>();

export function onServerClose(app: Hono, hook: () => Promise<void>): void {
  hooks.set(app, [...(hooks.get(app) ?? []), hook]);
}

export async function runCloseHooks(app: Hono): Promise<void> {
  await Promise.allSettled((hooks.get(app) ?? []).map((hook) => hook()));
}
