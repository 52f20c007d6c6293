import net from 'node:net';

export interface EdgeConfigInput {
  /** The bundled worker module, relative to the config file (capnp embeds resolve so). */
  workerPath: string;
  /** The built app (absolute path), or null to serve no files. */
  distDir: string | null;
  /** host:port to listen on (port 0 = any free one). */
  listen: string;
  /** The HOPCAST_* (and PODCASTINDEX_*) settings, passed as text bindings. */
  vars: Record<string, string>;
}

/** Capnp text literal. */
const q = (s: string) => JSON.stringify(s);

/** Literal IPs the settings name as upstreams (the sealed allow list, the Apple search URL). */
function literalUpstreams(vars: Record<string, string>): string[] {
  const hosts = new Set<string>();
  for (const pair of (vars.HOPCAST_PROXY_ALLOW ?? '').split(',')) {
    const host = pair
      .trim()
      .replace(/:\d+$/, '')
      .replace(/^\[|\]$/g, '');
    if (net.isIP(host)) hosts.add(host);
  }
  if (vars.HOPCAST_APPLE_SEARCH_URL) {
    try {
      const host = new URL(vars.HOPCAST_APPLE_SEARCH_URL).hostname.replace(/^\[|\]$/g, '');
      if (net.isIP(host)) hosts.add(host);
    } catch {
      // readSettings in the worker reports a bad URL by name.
    }
  }
  return [...hosts].map((h) => (net.isIPv6(h) ? `${h}/128` : `${h}/32`));
}

/**
 * The workerd config: one worker (the bundle), a disk service with the built app bound as ASSETS,
 * and an outbound network that reaches public addresses only (workerd's SSRF default), plus exactly
 * the literal addresses the operator sealed the proxy to. workerd checks that list on the address
 * each connection really opens to, which is what the Node server's connect guard does itself.
 */
export function edgeConfig(input: EdgeConfigInput): string {
  const bindings = Object.entries(input.vars).map(([name, value]) => `(name = ${q(name)}, text = ${q(value)})`);
  if (input.distDir) bindings.push('(name = "ASSETS", service = "assets")');
  const allow = ['public', ...literalUpstreams(input.vars)];
  const services = ['(name = "main", worker = .hopcast)', `(name = "internet", network = (allow = [${allow.map(q).join(', ')}], tlsOptions = (trustBrowserCas = true)))`];
  if (input.distDir) services.push(`(name = "assets", disk = (path = ${q(input.distDir)}, writable = false))`);
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    ${services.join(',\n    ')}
  ],
  sockets = [ (name = "http", address = ${q(input.listen)}, http = (), service = "main") ],
);

const hopcast :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed ${q(input.workerPath)}) ],
  compatibilityDate = "2025-06-01",
  bindings = [
    ${bindings.join(',\n    ')}
  ],
  globalOutbound = "internet",
);
`;
}

/** The settings the worker honours, from an environment: every HOPCAST_* and the Podcast Index keys. */
export function edgeVars(env: NodeJS.ProcessEnv): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (name === 'HOPCAST_DIST_DIR') continue;
    if (name.startsWith('HOPCAST_') || name === 'PODCASTINDEX_API_KEY' || name === 'PODCASTINDEX_API_SECRET') vars[name] = value;
  }
  return vars;
}
