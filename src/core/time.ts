/** Clock formatting and parsing for positions and durations: `12:34`, `1:02:03`. */

/** `m:ss` under an hour, `h:mm:ss` from an hour; negative and non-finite input gives `0:00`. */
export function formatClock(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** `-12:34`: the remaining time shown at the end of a seek bar. */
/** Time left to listen: at 1.5× speed, 27 s of audio take 18 s. */
export function formatRemaining(position: number, duration: number, rate = 1): string {
  const speed = Number.isFinite(rate) && rate > 0 ? rate : 1;
  return `-${formatClock(Math.max(0, duration - position) / speed)}`;
}

/** Words for screen readers and durations in lists: `1 h 2 min`, `12 min`, `45 s`. */
export function formatDuration(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0;
  if (total < 60) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.round((total % 3600) / 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * Parses `12:34`, `1:02:03`, `754`, `754.5` or `1h2m3s` into seconds; null for anything else
 * (minutes and seconds fields must be under 60 when a larger unit precedes them).
 */
export function parseClock(text: string): number | null {
  const t = text.trim();
  if (t === '' || t.length > 32) return null;
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const hms = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/i.exec(t);
  if (hms && (hms[1] || hms[2] || hms[3])) {
    return Number(hms[1] ?? 0) * 3600 + Number(hms[2] ?? 0) * 60 + Number(hms[3] ?? 0);
  }
  const parts = /^(\d+):(\d{1,2})(?::(\d{1,2}))?(\.\d+)?$/.exec(t);
  if (!parts) return null;
  const [, a, b, c, frac] = parts;
  const nums = c === undefined ? [Number(a), Number(b)] : [Number(a), Number(b), Number(c)];
  if (nums.slice(1).some((n) => n >= 60)) return null;
  const whole = nums.length === 2 ? nums[0] * 60 + nums[1] : nums[0] * 3600 + nums[1] * 60 + nums[2];
  return whole + (frac ? Number(frac) : 0);
}
