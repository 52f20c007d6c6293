import type { HttpBindings } from '@hono/node-server';
import { fetch as undiciFetch, type Dispatcher } from 'undici';
import { socketAddress } from './conn';
import type { Platform } from '../platform';
import { createNodeProxyContext } from './hop';
import { podcastIndexSearch } from '../directory/podcast-index';
import { mountStatic } from '../static';
import { mountSync } from '../sync';
import type { ServerConfig } from '../config';

/** Node: undici through the address-checking connector, the socket's peer, the sync database, and files from distDir. */
export function nodePlatform(config: ServerConfig): Platform {
  return {
    proxy: createNodeProxyContext,
    socketAddress,
    hangUp(c) {
      const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
      // A reset, not a close: the cut client's unread bytes would otherwise sit in the kernel.
      return outgoing ? () => void (outgoing.socket ? outgoing.socket.resetAndDestroy() : outgoing.destroy()) : null;
    },
    // undici's own fetch, so the test-only dispatcher seam (an undici Agent) plugs in.
    directoryFetch: (settings) => (url, init) => undiciFetch(url, { ...init, ...(settings.dispatcher ? { dispatcher: settings.dispatcher as Dispatcher } : {}) }) as unknown as Promise<Response>,
    podcastIndex: podcastIndexSearch,
    mountSync: (app) => mountSync(app, config),
    mountStatic: (app) => mountStatic(app, config.distDir),
  };
}
