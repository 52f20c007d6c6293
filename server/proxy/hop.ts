import type { ProxySettings } from '../settings';

/**
 * One HTTP exchange with an upstream host, redirects NOT followed: the one thing the proxy needs
 * from its runtime. Node answers it with undici through the address-checking connector
 * (server/node/hop.ts), workerd with its own fetch (server/edge/hop.ts); every rule above it
 * (redirect re-checks, caps, timeouts, fair share) is shared code.
 */
export interface HopRequest {
  method: 'GET' | 'HEAD';
  headers: Record<string, string>;
  signal: AbortSignal;
  /** Time to the response headers. */
  headersTimeoutMs: number;
  /** Undo gzip/br/deflate: the body is then the decoded bytes and content-encoding/length are gone. */
  decode: boolean;
}

export interface HopResponse {
  status: number;
  headers: Headers;
  /** Null for bodiless answers. The caller owns it and must read it to the end or cancel it. */
  body: ReadableStream<Uint8Array> | null;
}

export type HopFetch = (url: URL, req: HopRequest) => Promise<HopResponse>;

/** Settings plus the runtime's way out. */
export interface ProxyContext {
  settings: ProxySettings;
  hop: HopFetch;
  close?(): Promise<void>;
}

/** Drops a body we will not use. */
export function discardBody(body: ReadableStream<Uint8Array> | null): void {
  body?.cancel().catch(() => undefined);
}
