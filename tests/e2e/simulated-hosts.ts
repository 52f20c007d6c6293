/**
 * The test-only bridge to the simulated Packet Pushers world: the app server's proxy and
 * directory reach feeds.packetpushers.net, packetpushers.net and itunes.apple.com, and every one
 * of those names lands on the fixture server on 127.0.0.1. It plugs into the server's test seams
 * (`proxy.lookup`, `proxy.dial`, `directory.dispatcher`), which are set only by code and never
 * read from the environment, so production cannot map a name by accident. Any other name fails
 * as unknown: nothing resolves or connects outside the machine.
 */
import net from 'node:net';
import { Agent, buildConnector } from 'undici';
import type { ServerConfig } from '../../server/config';
import type { DialFn, LookupFn } from '../../server/proxy/connect-guard';
import { SIMULATED_HOSTS } from '../fixtures/routes/packet-pushers';

export interface SimulatedHosts {
  lookup: LookupFn;
  dial: DialFn;
  /** Names looked up and host:port pairs dialled, in order (assert nothing else was reached). */
  lookups: string[];
  dials: string[];
}

const mapped = new Set<string>(SIMULATED_HOSTS);

export function simulatedHosts(fixturePort: number): SimulatedHosts {
  const lookups: string[] = [];
  const dials: string[] = [];
  const real = buildConnector({ timeout: 5000 });
  const lookup: LookupFn = async (hostname) => {
    lookups.push(hostname);
    if (!mapped.has(hostname)) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address: '127.0.0.1', family: 4 }];
  };
  // The fixture speaks plain HTTP: https to a simulated name is carried over a plain socket
  // (undici leaves TLS to the connector), so the app still asks for the real https URLs.
  const dial: DialFn = (opts, callback) => {
    const name = opts.servername || opts.hostname;
    dials.push(`${name}:${opts.port || (opts.protocol === 'https:' ? 443 : 80)}`);
    if (mapped.has(name)) {
      const socket = net.connect(fixturePort, '127.0.0.1');
      socket.once('connect', () => callback(null, socket));
      socket.once('error', (err) => callback(err, null));
      return;
    }
    if (opts.hostname !== '127.0.0.1' || Number(opts.port) !== fixturePort) {
      callback(new Error(`the simulated network has no host ${opts.hostname}`), null);
      return;
    }
    real(opts, callback);
  };
  return { lookup, dial, lookups, dials };
}

/**
 * Points a server config at the simulated world: the proxy reaches the simulated names (and the
 * fixture host itself, for the audio behind tracking links) and the directory asks "Apple".
 */
export function useSimulatedWorld(config: ServerConfig, fixturePort: number): SimulatedHosts {
  const hosts = simulatedHosts(fixturePort);
  config.proxy.allow = new Set([`127.0.0.1:${fixturePort}`, 'feeds.packetpushers.net:443', 'packetpushers.net:443']);
  config.proxy.lookup = hosts.lookup;
  config.proxy.dial = hosts.dial;
  config.directory.appleSearchUrl = 'https://itunes.apple.com/search';
  config.directory.appleLookupUrl = 'https://itunes.apple.com/lookup';
  config.directory.dispatcher = new Agent({
    connect: (opts, callback) => {
      void hosts.lookup(opts.hostname).then(
        () => hosts.dial({ ...opts, servername: opts.hostname, hostname: '127.0.0.1' }, callback),
        (err: unknown) => callback(err as Error, null),
      );
    },
  });
  return hosts;
}
