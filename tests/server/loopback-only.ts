import net from 'node:net';
import dgram from 'node:dgram';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';

/**
 * A safety net under every server test: any TCP connection, UDP datagram or DNS query that would
 * leave loopback throws (or fails) before a packet is sent. The tests keep off the network by
 * design (sealed proxy, injected resolver and dialer, local stubs, nock); this makes a mistake fail
 * loudly instead. DNS matters as much as TCP: the system resolver is usually not on 127.0.0.0/8.
 */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

function isLoopback(host: string): boolean {
  if (LOOPBACK_NAMES.has(host)) return true;
  if (net.isIPv4(host)) return host.startsWith('127.');
  if (net.isIPv6(host)) return /^(::ffff:)?127\./i.test(host) || host === '0:0:0:0:0:0:0:1';
  return false;
}

type ConnectArgs = unknown[];

function targetOf(args: ConnectArgs): { host?: string; path?: string } {
  // net.connect() hands Socket#connect an internal [options, callback] array.
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (first && typeof first === 'object') return first;
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { host: typeof args[1] === 'string' ? args[1] : undefined };
}

const guardKey = Symbol.for('hopcast.tests.loopbackOnly');
const proto = net.Socket.prototype as net.Socket & Record<symbol, unknown>;
if (!proto[guardKey]) {
  proto[guardKey] = true;
  const original = proto.connect;
  proto.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs) {
    const target = targetOf(args);
    if (!target.path) {
      const host = target.host ?? 'localhost';
      if (!isLoopback(host)) throw new Error(`tests/server network guard: refusing to connect to ${host}`);
    }
    return (original as (...a: ConnectArgs) => net.Socket).apply(this, args);
  } as typeof proto.connect;
}

export const GUARD_CODE = 'EHOPCAST_NETWORK_GUARD';
const refusal = (what: string) => Object.assign(new Error(`tests/server network guard: refusing ${what}`), { code: GUARD_CODE });

type AnyFn = (...args: unknown[]) => unknown;
type Table = Record<string, unknown>;

/** Wraps `table[name]`: when `refuse(args, self)` names a reason, fail the way that API fails. */
function wrap(table: Table, name: string, refuse: (args: unknown[], self: unknown) => string | null, style: 'callback' | 'promise'): void {
  const original = table[name];
  if (typeof original !== 'function') return;
  table[name] = function guarded(this: unknown, ...args: unknown[]) {
    const reason = refuse(args, this);
    if (reason === null) return (original as AnyFn).apply(this, args);
    if (style === 'promise') return Promise.reject(refusal(reason));
    const callback = args.findLast((a) => typeof a === 'function') as AnyFn | undefined;
    if (!callback) throw refusal(reason);
    process.nextTick(callback, refusal(reason));
    return undefined;
  };
}

/** getaddrinfo: names other than localhost go to the system resolver; IP literals send nothing. */
const lookupRefusal = (args: unknown[]) => {
  const host = String(args[0]);
  return net.isIP(host) || isLoopback(host) ? null : `to look up ${host}`;
};
/** getnameinfo asks the resolver for the name of any address but loopback. */
const reverseRefusal = (args: unknown[]) => (isLoopback(String(args[0])) ? null : `a reverse lookup of ${String(args[0])}`);
/** c-ares queries go straight to the configured name servers, whatever the name. */
const queryRefusal = (servers: () => string[]) => (args: unknown[]) => {
  const outside = servers().filter((s) => !isLoopback(s.replace(/^\[?([^\]]+?)\]?(:\d+)?$/, '$1')));
  return outside.length ? `a DNS query for ${String(args[0])} to ${outside.join(', ')}` : null;
};
const QUERIES = Object.getOwnPropertyNames(dns.Resolver.prototype).filter((n) => /^(resolve|reverse)/.test(n));

const dnsTable = dns as unknown as Table & Record<symbol, unknown>;
if (!dnsTable[guardKey]) {
  dnsTable[guardKey] = true;
  wrap(dnsTable, 'lookup', lookupRefusal, 'callback');
  wrap(dnsTable, 'lookupService', reverseRefusal, 'callback');
  wrap(dns.promises, 'lookup', lookupRefusal, 'promise');
  wrap(dns.promises, 'lookupService', reverseRefusal, 'promise');
  for (const name of QUERIES) {
    wrap(
      dnsTable,
      name,
      queryRefusal(() => dns.getServers()),
      'callback',
    );
    wrap(
      dns.promises,
      name,
      queryRefusal(() => dns.promises.getServers()),
      'promise',
    );
    wrap(dns.Resolver.prototype as unknown as Table, name, (args, self) => queryRefusal(() => (self as dns.Resolver).getServers())(args), 'callback');
    wrap(dns.promises.Resolver.prototype as unknown as Table, name, (args, self) => queryRefusal(() => (self as dns.promises.Resolver).getServers())(args), 'promise');
  }

  // send(msg, [offset, length,] port[, address][, cb]) and connect(port[, address][, cb]): the address is the one string after the first argument.
  const udp = dgram.Socket.prototype as unknown as Table;
  for (const [name, from] of [
    ['send', 1],
    ['connect', 0],
  ] as const) {
    const original = udp[name] as AnyFn;
    udp[name] = function guarded(this: dgram.Socket, ...args: unknown[]) {
      const address = args.slice(from).find((a) => typeof a === 'string');
      if (typeof address === 'string' && !isLoopback(address)) throw refusal(`a UDP datagram to ${address}`);
      return original.apply(this, args);
    };
  }
  // `import { lookup } from 'node:dns'` holds its own binding; make it see the guarded ones.
  syncBuiltinESMExports();
}
