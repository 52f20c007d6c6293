import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { buildWorker, EDGE_OUT_DIR } from './build';
import { edgeConfig } from './config';

export interface RunningEdge {
  url: string;
  port: number;
  process: ChildProcess;
  close(): Promise<void>;
}

export interface LaunchOptions {
  vars: Record<string, string>;
  distDir: string | null;
  host?: string;
  port?: number;
  /** An already built bundle (tests build once); else it is built now. */
  workerPath?: string;
  /** Where the config goes; one directory per running instance. */
  workDir?: string;
  /** Forward workerd's stderr (logs, uncaught errors) to ours. */
  inheritStderr?: boolean;
}

/** The workerd binary the `workerd` npm package ships for this platform. */
export function workerdBinary(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('workerd/package.json')), 'bin', 'workerd');
}

/**
 * Starts `workerd serve` on a config written for these settings and resolves once its socket
 * listens (workerd reports the bound port on --control-fd, so port 0 works).
 */
export async function launchEdge(options: LaunchOptions): Promise<RunningEdge> {
  const workerPath = options.workerPath ?? (await buildWorker());
  const workDir = options.workDir ?? path.join(EDGE_OUT_DIR, `run-${process.pid}-${Date.now()}`);
  mkdirSync(workDir, { recursive: true });
  const host = options.host ?? '127.0.0.1';
  const listen = `${host.includes(':') ? `[${host}]` : host}:${options.port ?? 0}`;
  const configPath = path.join(workDir, 'config.capnp');
  writeFileSync(configPath, edgeConfig({ workerPath: path.relative(workDir, workerPath), distDir: options.distDir, listen, vars: options.vars }));

  const child = spawn(workerdBinary(), ['serve', configPath, '--control-fd=3'], {
    stdio: ['ignore', 'inherit', options.inheritStderr === false ? 'pipe' : 'inherit', 'pipe'],
  });
  const control = child.stdio[3] as NodeJS.ReadableStream;
  const port = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: control });
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (msg.event === 'listen' && msg.socket === 'http' && msg.port) resolve(msg.port);
      } catch {
        // Not ours to read.
      }
    });
    child.once('exit', (code) => reject(new Error(`workerd exited (${code}) before listening; see its output above`)));
    child.once('error', reject);
  });
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`,
    port,
    process: child,
    close: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          done();
          return;
        }
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
