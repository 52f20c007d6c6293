/**
 * The Web Worker API over node:worker_threads, for running the real feed worker module in a real
 * thread under Vitest (Node has no `Worker` global). The module is loaded through tsx, with a
 * `self` that forwards messages; transfers detach buffers exactly as in a browser.
 */
import { Worker as ThreadWorker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const started: NodeWebWorker[] = [];

export class NodeWebWorker extends EventTarget {
  terminated = false;
  private readonly thread: ThreadWorker;

  constructor(url: URL | string) {
    super();
    const href = pathToFileURL(fileURLToPath(url)).href;
    // Messages that arrive before the module has added its listener are held, as a browser does.
    const bootstrap = `
      const { parentPort } = require('node:worker_threads');
      const listeners = [];
      const early = [];
      globalThis.self = {
        addEventListener(type, fn) {
          if (type !== 'message') return;
          listeners.push(fn);
          while (early.length) fn({ data: early.shift() });
        },
        postMessage(message, transfer) { parentPort.postMessage(message, transfer); },
      };
      parentPort.on('message', (data) => {
        if (listeners.length === 0) early.push(data);
        else for (const fn of listeners) fn({ data });
      });
      import('tsx/esm/api')
        .then((api) => { api.register(); return import(${JSON.stringify(href)}); })
        .catch((err) => setTimeout(() => { throw err; }));
    `;
    this.thread = new ThreadWorker(bootstrap, { eval: true });
    this.thread.on('message', (data: unknown) => this.dispatchEvent(new MessageEvent('message', { data })));
    this.thread.on('error', (err: Error) => {
      const event = Object.assign(new Event('error'), { message: err.message });
      this.dispatchEvent(event);
    });
    started.push(this);
  }

  postMessage(message: unknown, transfer: ArrayBuffer[] = []): void {
    this.thread.postMessage(message, transfer);
  }

  terminate(): void {
    this.terminated = true;
    void this.thread.terminate();
  }
}
