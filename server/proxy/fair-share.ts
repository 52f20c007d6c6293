/**
 * Fair share of the server's upstream capacity. One client (by address, IPv6 by /64) may hold at
 * most `perClient` upstream streams; the last `reserve` slots of `max` go only to clients holding
 * none, so a newcomer is served even while others sit at their cap; and each client has a byte
 * budget per minute, past which its streams are paced rather than cut.
 */
export type Refusal = 'client_cap' | 'busy';

export class FairGate {
  private active = 0;
  private readonly perKey = new Map<string, number>();

  constructor(
    readonly max: number,
    readonly perClient: number,
    readonly reserve: number,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  heldBy(key: string): number {
    return this.perKey.get(key) ?? 0;
  }

  tryAcquire(key: string): (() => void) | Refusal {
    const held = this.heldBy(key);
    if (held >= this.perClient) return 'client_cap';
    if (this.active >= this.max) return 'busy';
    if (held > 0 && this.active >= this.max - this.reserve) return 'busy';
    this.active++;
    this.perKey.set(key, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      const left = (this.perKey.get(key) ?? 1) - 1;
      if (left <= 0) this.perKey.delete(key);
      else this.perKey.set(key, left);
    };
  }
}

interface Allowance {
  bytes: number;
  at: number;
}

/** A byte bucket per client, full at `perMinute`, refilled evenly; going below zero means waiting. */
export class ByteBudget {
  private readonly buckets = new Map<string, Allowance>();
  private readonly perMs: number;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Spends `bytes` for `key` and says how many ms to wait before sending them (0 = now). */
  spend(key: string, bytes: number): number {
    const now = this.now();
    const b = this.buckets.get(key) ?? { bytes: this.perMinute, at: now };
    b.bytes = Math.min(this.perMinute, b.bytes + (now - b.at) * this.perMs) - bytes;
    b.at = now;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.prune(now);
    return b.bytes >= 0 ? 0 : Math.ceil(-b.bytes / this.perMs);
  }

  private prune(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.bytes + (now - b.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}
