import '../server/loopback-only';
import { startTestServer } from '../server/helpers';
import path from 'node:path';
import { launchEdge } from '../../scripts/edge/launch';
import { EDGE_OUT_DIR } from '../../scripts/edge/build';

/**
 * The server under contract: the Node server (project `server`) or the same createApp() bundled
 * and run by workerd (project `edge`, HOPCAST_CONTRACT_TARGET=workerd, bundle built by
 * tests/contract/edge-setup.ts). The tests are the same; only the process answering differs.
 */
export const TARGET = process.env.HOPCAST_CONTRACT_TARGET === 'workerd' ? 'workerd' : 'node';

export interface Target {
  url: string;
  close(): Promise<void>;
}

export async function startTarget(env: Record<string, string>): Promise<Target> {
  if (TARGET === 'node') return startTestServer(env);
  const edge = await launchEdge({
    vars: { HOPCAST_APPLE_SEARCH_URL: 'http://127.0.0.1:9/search', ...env },
    distDir: null,
    // Built once per run by tests/contract/edge-setup.ts.
    workerPath: path.join(EDGE_OUT_DIR, 'worker.js'),
  });
  return { url: edge.url, close: () => edge.close() };
}

/** The app's own page asking: browsers add this to every same-origin request. */
export const SAME_ORIGIN = { 'Sec-Fetch-Site': 'same-origin' } as const;

export async function json(res: Response): Promise<{ error: string; message: string } & Record<string, unknown>> {
  return (await res.json()) as { error: string; message: string } & Record<string, unknown>;
}
