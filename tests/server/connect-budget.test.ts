import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guardedConnector, type ResolvedAddress } from '../../server/proxy/connect-guard';
import { ProxyError } from '../../server/proxy/errors';

/**
 * The connect budget on a fake clock: the lookup answers when the test says so and the dialer
 * never completes a handshake, so what is asserted is which millisecond of the budget the
 * timeout lands on — exact, and independent of how loaded the machine is.
 */
const BUDGET = 400;

function rig() {
  let answer: (addresses: ResolvedAddress[]) => void = () => undefined;
  const dials: string[] = [];
  const outcomes: (Error | null)[] = [];
  const connect = guardedConnector({
    allow: null,
    ports: new Set([80]),
    connectTimeoutMs: BUDGET,
    lookup: () => new Promise<ResolvedAddress[]>((resolve) => (answer = resolve)),
    // A host that never answers a SYN: the callback is never called from this side.
    dial: (opts) => void dials.push(opts.hostname),
  });
  const open = (hostname: string) => connect({ hostname, host: hostname, port: '80', protocol: 'http:' }, (...args) => void outcomes.push(args[0]));
  return { open, dials, outcomes, answer: (a: ResolvedAddress[]) => answer(a) };
}

/** Lets the lookup's `then` run (it is a microtask, which fake timers do not hold back). */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('one connect budget for the lookup and the handshake together', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => void vi.useRealTimers());

  it('a slow lookup leaves the handshake only what is left of the budget, not a fresh one', async () => {
    const { open, dials, outcomes, answer } = rig();
    open('slowdns.test');
    await vi.advanceTimersByTimeAsync(250);
    answer([{ address: '93.184.216.35', family: 4 }]);
    await settle();
    expect(dials).toEqual(['93.184.216.35']);
    expect(outcomes).toEqual([]);

    await vi.advanceTimersByTimeAsync(BUDGET - 250 - 1);
    expect(outcomes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toBeInstanceOf(ProxyError);
    expect(outcomes[0]).toMatchObject({ status: 504, code: 'connect_timeout' });
  });

  it('a lookup that never answers ends at the budget, and no dial follows a late answer', async () => {
    const { open, dials, outcomes, answer } = rig();
    open('hang.test');
    await vi.advanceTimersByTimeAsync(BUDGET - 1);
    expect(outcomes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(outcomes).toMatchObject([{ status: 504, code: 'connect_timeout' }]);
    answer([{ address: '93.184.216.35', family: 4 }]);
    await settle();
    expect(dials).toEqual([]);
    expect(outcomes).toHaveLength(1);
  });

  it('an address literal gets the whole budget for its handshake', async () => {
    const { open, dials, outcomes } = rig();
    open('93.184.216.35');
    expect(dials).toEqual(['93.184.216.35']);
    await vi.advanceTimersByTimeAsync(BUDGET - 1);
    expect(outcomes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(outcomes).toMatchObject([{ status: 504, code: 'connect_timeout' }]);
  });
});
