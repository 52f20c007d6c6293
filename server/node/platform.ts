import type { HttpBindings } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Platform } from '../platform';
import { createNodeProxyContext } from './hop';
import { podcastIndexSearch } from '../directory/podcast-index';
import { mountStatic } from '../static';

/** Node: undici through the address-checking connector, the socket's peer, and files from distDir. */
export function nodePlatform(distDir: string): Platform {
  return {
    proxy: createNodeProxyContext,
    socketAddress(c) {
      try {
        return getConnInfo(c).remote.address ?? null;
      } catch {
        return null;
      }
    },
    hangUp(c) {
      const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
      // A reset, not a close: the cut client's unread bytes would otherwise sit in the kernel.
      return outgoing ? () => void (outgoing.socket ? outgoing.socket.resetAndDestroy() : outgoing.destroy()) : null;
    },
    podcastIndex: podcastIndexSearch,
    mountStatic: (app) => mountStatic(app, distDir),
  };
}
