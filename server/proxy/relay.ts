import { ProxyError } from './errors';

/** What the relay enforces while a proxied body flows from an upstream host to one client. */
export interface RelayRules {
  host: string;
  /** Longest the upstream may send nothing. */
  upstreamIdleMs: number;
  /**
   * Total time the upstream may take to deliver the rest (feeds): counted only while waiting on
   * the upstream, so a trickling host is cut but a slow-but-steady client is not.
   */
  upstreamBudgetMs?: number;
  /** The floor: fewer bytes than this per second of waiting on the client, over `floorWindowMs`, cuts it. */
  minBytesPerSecond: number;
  floorWindowMs: number;
  /** Longest the client may take nothing at all (also when the floor is 0). */
  clientStallMs: number;
  /** Whole stream lifetime; undefined = none. */
  lifetimeMs?: number;
  /** Decoded-byte cap (feeds); passing it cuts the stream. */
  maxBytes?: number;
  tooLarge?: () => ProxyError;
  /** Per-client byte budget: returns how long to wait before these bytes may go. */
  pace?: (bytes: number) => number;
  /** Drops the client's connection at once (Node resets the socket); null = error the stream instead. */
  hangUp: (() => void) | null;
  /** Called exactly once, when the body is over for whatever reason: frees the upstream slot. */
  onDone: () => void;
  /** Bytes already read from the upstream (a peeked head) to send first. */
  head?: Uint8Array;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * How far the relay may read ahead of the client. Without any read-ahead every chunk waited for the
 * client's write before the next upstream read began, so the two never overlapped and a proxied
 * download ran at about half the direct speed; 256 KiB lets them overlap while a stream still holds
 * at most this much (64 streams: 16 MiB) whatever the file size or the reader's pace.
 */
export const READ_AHEAD_BYTES = 256 * 1024;

/**
 * Relays an upstream body to the client, reading at most READ_AHEAD_BYTES ahead of it, so the server
 * holds a bounded amount per stream however large the body and however slow the reader.
 * The slot is freed only when the client has taken the last chunk, has gone, or was cut.
 * The floor clock runs only while the read-ahead is full and waits on the client, so a slow upstream
 * or pacing never counts against the client.
 */
export function relay(reader: ReadableStreamDefaultReader<Uint8Array>, rules: RelayRules): ReadableStream<Uint8Array> {
  let finished = false;
  let floorTimer: ReturnType<typeof setTimeout> | undefined;
  let lifeTimer: ReturnType<typeof setTimeout> | undefined;
  let sent = 0;
  let upstreamMs = 0;
  // Floor window: bytes the client took and ms spent waiting on it.
  let windowBytes = 0;
  let windowWaitMs = 0;
  let waitingSince = 0;
  let lastPull = Date.now();
  let head = rules.head && rules.head.byteLength ? rules.head : undefined;
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;

  const finish = () => {
    if (finished) return false;
    finished = true;
    clearTimeout(floorTimer);
    clearTimeout(lifeTimer);
    rules.onDone();
    return true;
  };
  /**
   * Ends the stream early. A reader that stalled gets a reset (`hangUp`), so the bytes it left
   * unread in the kernel go too; any other end is an error the client sees as a cut-off body.
   */
  const cut = (why: string, reset = false) => {
    if (!finish()) return;
    reader.cancel(why).catch(() => undefined);
    if (reset && rules.hangUp) rules.hangUp();
    else ctrl.error(new Error(why));
  };
  const floorBytes = (ms: number) => (rules.minBytesPerSecond * ms) / 1000;
  const armFloor = () => {
    // The next verdict falls when the window has been spent waiting, or when the stall limit is hit.
    const left = Math.max(0, rules.floorWindowMs - windowWaitMs);
    const stallLeft = Math.max(0, rules.clientStallMs - (Date.now() - lastPull));
    floorTimer = setTimeout(checkFloor, Math.min(left, stallLeft));
  };
  const checkFloor = () => {
    const now = Date.now();
    windowWaitMs += now - waitingSince;
    waitingSince = now;
    if (now - lastPull >= rules.clientStallMs) {
      cut(`The client took nothing for ${rules.clientStallMs} ms`, true);
      return;
    }
    if (windowWaitMs >= rules.floorWindowMs) {
      if (windowBytes < floorBytes(windowWaitMs)) {
        cut(`The client read under ${rules.minBytesPerSecond} bytes/s`, true);
        return;
      }
      windowBytes = 0;
      windowWaitMs = 0;
    }
    armFloor();
  };
  const enqueue = (chunk: Uint8Array) => {
    ctrl.enqueue(chunk);
    windowBytes += chunk.byteLength;
    waitingSince = Date.now();
    // The stall clock counts from when a chunk is ready: upstream and pacing time are not the client's.
    lastPull = waitingSince;
    armFloor();
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        ctrl = controller;
        if (rules.lifetimeMs !== undefined) lifeTimer = setTimeout(() => cut('The stream reached its maximum lifetime'), rules.lifetimeMs);
      },
      async pull() {
        clearTimeout(floorTimer);
        const now = Date.now();
        if (waitingSince) windowWaitMs += now - waitingSince;
        waitingSince = 0;
        lastPull = now;
        if (head) {
          const first = head;
          head = undefined;
          sent += first.byteLength;
          enqueue(first);
          return;
        }
        let idle: ReturnType<typeof setTimeout> | undefined;
        const readFrom = Date.now();
        try {
          const budgetLeft = rules.upstreamBudgetMs === undefined ? Infinity : rules.upstreamBudgetMs - upstreamMs;
          const silent = new Promise<never>((_, reject) => {
            const slow = budgetLeft < rules.upstreamIdleMs;
            idle = setTimeout(
              () => reject(new ProxyError(504, 'timeout', slow ? `${rules.host} did not deliver in time` : `${rules.host} stopped sending data`)),
              Math.max(0, Math.min(budgetLeft, rules.upstreamIdleMs)),
            );
          });
          const { value, done } = await Promise.race([reader.read(), silent]);
          clearTimeout(idle);
          upstreamMs += Date.now() - readFrom;
          if (finished) return;
          if (done) {
            finish();
            ctrl.close();
            return;
          }
          sent += value.byteLength;
          if (rules.maxBytes !== undefined && sent > rules.maxBytes) {
            const err = rules.tooLarge?.() ?? new Error('too large');
            cut(err.message);
            return;
          }
          const wait = rules.pace?.(value.byteLength) ?? 0;
          if (wait > 0) await sleep(wait);
          if (finished) return;
          enqueue(value);
        } catch (err) {
          clearTimeout(idle);
          if (!finish()) return;
          reader.cancel().catch(() => undefined);
          ctrl.error(err);
        }
      },
      cancel() {
        if (finish()) reader.cancel().catch(() => undefined);
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: READ_AHEAD_BYTES }),
  );
}
