import type { Context } from 'hono';
import type { ByteBudget, FairGate } from '../proxy/fair-share';
import { busy } from '../proxy/limits';
import type { RelayRules } from '../proxy/relay';
import type { ProxySettings } from '../settings';

/** The per-client fair share every upstream-reaching route draws on. */
export interface Share {
  gate: FairGate;
  budget: ByteBudget;
  keyOf(c: Context): string;
  hangUp(c: Context): (() => void) | null;
}

/** Takes a slot for this client, or answers the 429 that says why not. */
export function acquire(share: Share, c: Context): { release: () => void; key: string } | Response {
  const key = share.keyOf(c);
  const slot = share.gate.tryAcquire(key);
  if (typeof slot === 'string') return busy(c, slot);
  return { release: slot, key };
}

/** The relay rules common to feeds and audio for one client. */
export function clientRules(share: Share, c: Context, key: string, settings: ProxySettings, release: () => void) {
  return {
    minBytesPerSecond: settings.clientMinBytesPerSecond,
    floorWindowMs: settings.clientFloorWindowMs,
    clientStallMs: settings.clientIdleTimeoutMs,
    pace: (bytes: number) => share.budget.spend(key, bytes),
    hangUp: share.hangUp(c),
    onDone: release,
  } satisfies Partial<RelayRules>;
}
