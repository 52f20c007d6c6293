import { serve, type ServerType } from '@hono/node-server';
import { pathToFileURL } from 'node:url';
import { createApp } from './app';
import { readConfig, type ServerConfig } from './config';
import { nodePlatform } from './node/platform';
import { runCloseHooks } from './lifecycle';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startServer(config: ServerConfig = readConfig()): Promise<RunningServer> {
  const app = createApp(config, nodePlatform(config));
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
        const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
        resolve({
          url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              // Streams (audio) may hold connections open: end idle ones now, the rest shortly.
              const s = server as import('node:http').Server;
              s.close(() => void runCloseHooks(app).then(done));
              s.closeIdleConnections?.();
              setTimeout(() => s.closeAllConnections?.(), 2000).unref();
            }),
        });
      });
      server.on('error', reject);
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

export async function main(): Promise<void> {
  const running = await startServer();
  console.log(`Hopcast is running at ${running.url}`);
  const stop = (signal: string) => {
    console.log(`${signal}: shutting down`);
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
