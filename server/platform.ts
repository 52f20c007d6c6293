import type { Context, Hono } from 'hono';
import type { DirectorySettings, ProxySettings } from './settings';
import type { PodcastIndexSearch } from './directory/podcast-index';
import type { DirectoryFetch } from './directory/http';
import type { ProxyContext } from './proxy/hop';

/**
 * What createApp needs from the runtime it runs on, and nothing more: the Node server
 * (server/node/platform.ts) and the workerd bundle (server/edge/platform.ts) each give one.
 */
export interface Platform {
  /** The way out to podcast hosts: a hop fetch bound to these settings. */
  proxy(settings: ProxySettings): ProxyContext;
  /** The peer address of the connection, or null when the runtime does not say. */
  socketAddress(c: Context): string | null;
  /** Drops this request's client connection at once (null: the runtime can only error the body). */
  hangUp(c: Context): (() => void) | null;
  /** How Apple search and lookup requests go out. */
  directoryFetch(settings: DirectorySettings): DirectoryFetch;
  /** Podcast Index search (signed requests), or null when keys are unset or the runtime has no client. */
  podcastIndex(settings: DirectorySettings): PodcastIndexSearch | null;
  /** Mounts the gpodder sync API under /api/2/ (or its refusal where the runtime has no database). */
  mountSync(app: Hono): void;
  /** Serves the built app: files, and index.html for client-side routes. */
  mountStatic(app: Hono): void;
}
