import net from 'node:net';

/**
 * A safety net under every server test: any TCP connection to something other than loopback
 * throws before a packet is sent. The tests keep off the network by design (sealed proxy,
 * injected resolver and dialer, local stubs, nock); this makes a mistake fail loudly instead.
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
  if (first && typeof first === 'object') return first as { host?: string; path?: string };
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
