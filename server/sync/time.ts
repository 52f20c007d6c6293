/**
 * The two clocks of the gpodder API. `timestamp`/`since` are whole Unix seconds of the server;
 * action timestamps are UTC `YYYY-MM-DDTHH:MM:SS`, the one form mygpoclient 1.9 parses
 * (toISOString's milliseconds and `Z` make it fail).
 */
export function formatActionTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/**
 * The `timestamp` a reply carries: one second before now. With `since` inclusive, a change still
 * committing while this reply was made (or stamped by an instance whose clock is a little behind)
 * is delivered next time instead of being skipped; clients may see a change twice, never miss one.
 */
export function replyTimestamp(now: number): number {
  return Math.floor(now / 1000) - 1;
}

/** `since` from a query string: whole seconds ≥ 0, missing = 0. Returns milliseconds, or null when malformed. */
export function parseSince(value: string | undefined): number | null {
  if (value === undefined || value === '') return 0;
  if (!/^\d{1,12}$/.test(value)) return null;
  return Number(value) * 1000;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An uploaded action time in milliseconds, or null when it is not a time. A time without a zone is UTC
 * (what gpodder clients mean); Unix seconds are accepted too; the future becomes `now`, so one device
 * with a wrong clock cannot win every later comparison.
 */
export function parseActionTime(value: unknown, now: number): number | null {
  let ms: number;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    ms = value * 1000;
  } else if (typeof value === 'string' && value.length <= 40) {
    const m = ISO.exec(value.trim());
    if (!m) return null;
    const zone = !m[8] || m[8].toUpperCase() === 'Z' ? 'Z' : m[8].length === 5 ? `${m[8].slice(0, 3)}:${m[8].slice(3)}` : m[8];
    const text = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${(m[7] ?? '').slice(0, 4)}${zone}`;
    ms = Date.parse(text);
  } else {
    return null;
  }
  if (!Number.isFinite(ms) || ms < 0) return null;
  return Math.floor(Math.min(ms, now));
}
