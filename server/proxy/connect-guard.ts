import { Agent, buildConnector } from 'undici';
import { promises as dns } from 'node:dns';
import net from 'node:net';
import type { ProxySettings } from '../settings';
import { classifyAddress } from './ip-policy';
import { ProxyError } from './errors';

export interface ResolvedAddress {
  address: string;
  family: number;
}
/** How a host name becomes addresses; tests inject one so no name ever reaches a real resolver. */
export type LookupFn = (hostname: string) => Promise<ResolvedAddress[]>;
/** Opens the socket to an already-checked address; tests inject one that records and refuses. */
export type DialFn = buildConnector.connector;

const systemLookup: LookupFn = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

type GuardedSettings = Pick<ProxySettings, 'allow' | 'ports' | 'connectTimeoutMs' | 'lookup' | 'dial'>;

/**
 * The undici connector every proxied request goes through. It decides on the address the socket
 * will really open to: names are resolved here, every resolved address is checked, and the socket
 * is opened to that checked address (TLS still verifies the name), so a DNS answer that changes
 * between a check and the connect has nothing to slip through. IP-literal hosts skip DNS, so they
 * are checked here directly rather than in a lookup hook.
 */
export function guardedConnector(settings: GuardedSettings): buildConnector.connector {
  const dial = settings.dial ?? buildConnector({ timeout: settings.connectTimeoutMs });
  const lookup = settings.lookup ?? systemLookup;

  return (opts, callback) => {
    const hostname = opts.hostname.startsWith('[') ? opts.hostname.slice(1, -1) : opts.hostname;
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    const hostKey = net.isIPv6(hostname) ? `[${hostname}]` : hostname;
    const label = `${hostKey}:${port}`;

    // One budget for the lookup and the TCP/TLS handshake together, so a slow resolver and a
    // silent host cannot each take the whole connect timeout in turn.
    let settled = false;
    const timer = setTimeout(() => done(new ProxyError(504, 'connect_timeout', `${hostname} did not accept a connection in time`), null), settings.connectTimeoutMs);
    const done: buildConnector.Callback = (...args) => {
      if (settled) {
        // The timeout already answered: a socket that turns up late belongs to nobody.
        args[1]?.destroy();
        return;
      }
      settled = true;
      clearTimeout(timer);
      callback(...args);
    };
    const fail = (err: Error) => done(err, null);

    if (settings.allow) {
      if (!settings.allow.has(label)) {
        fail(new ProxyError(403, 'not_allowed', `This server's proxy only reaches its configured hosts, not ${label}`));
        return;
      }
    } else if (!settings.ports.has(port)) {
      fail(new ProxyError(403, 'blocked_port', `Port ${port} is not allowed`));
      return;
    }

    const check = (address: string): ProxyError | null => {
      if (settings.allow) return null; // the operator listed this host:port by name
      const verdict = classifyAddress(address);
      // Never the address itself: a refusal that names it would map the server's internal network.
      return verdict.ok ? null : new ProxyError(403, 'blocked_address', `${hostname} does not lead to a public address`);
    };

    if (net.isIP(hostname)) {
      const refused = check(hostname);
      if (refused) {
        fail(refused);
        return;
      }
      dial({ ...opts, hostname }, done);
      return;
    }

    lookup(hostname).then(
      (addresses) => {
        if (settled) return;
        if (addresses.length === 0) {
          fail(new ProxyError(502, 'dns_failed', `The host ${hostname} could not be found`));
          return;
        }
        for (const { address } of addresses) {
          const refused = check(address);
          if (refused) {
            fail(refused);
            return;
          }
        }
        // Servers without IPv6 routes are common; IPv4 first avoids a needless failure there.
        const chosen = addresses.find((a) => a.family === 4) ?? addresses[0];
        dial({ ...opts, hostname: chosen.address, servername: opts.servername || hostname }, done);
      },
      (err: unknown) => {
        const code = (err as { code?: string }).code;
        fail(
          code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA'
            ? new ProxyError(502, 'dns_failed', `The host ${hostname} could not be found`)
            : err instanceof Error
              ? err
              : new Error(String(err)),
        );
      },
    );
  };
}

export function createUpstreamAgent(settings: GuardedSettings): Agent {
  return new Agent({
    connect: guardedConnector(settings),
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
  });
}
