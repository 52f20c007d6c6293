export type RefreshEvery = '1h' | '6h' | '24h' | 'manual';

const HOUR = 60 * 60 * 1000;
const EVERY_MS: Record<Exclude<RefreshEvery, 'manual'>, number> = { '1h': HOUR, '6h': 6 * HOUR, '24h': 24 * HOUR };

/** Whether a show refreshed at `last` is due for an automatic refresh now ("manual": never). */
export function isDue(last: number | null, now: number, every: RefreshEvery): boolean {
  if (every === 'manual') return false;
  return last === null || now - last > EVERY_MS[every];
}
