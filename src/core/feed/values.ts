const CLOCK = /^(\d+):(\d{1,2})(?::(\d{1,2}))?(?:[.,]\d+)?$/;
const SECONDS = /^\d+(?:\.\d+)?$/;

/** `itunes:duration` as whole seconds: "1590", "26:30", "0:26:30", "1014.7"; anything else null. */
export function parseDuration(input: string | null | undefined): number | null {
  if (!input) return null;
  const s = input.trim();
  if (s === '' || s.length > 20) return null;
  if (SECONDS.test(s)) {
    const n = Math.round(Number(s));
    return Number.isFinite(n) ? n : null;
  }
  const m = CLOCK.exec(s);
  if (!m) return null;
  const [first, second] = [Number(m[1]), Number(m[2])];
  // Two parts are MM:SS (minutes may run past 59), three are HH:MM:SS.
  if (m[3] === undefined) return second > 59 ? null : first * 60 + second;
  const third = Number(m[3]);
  return second > 59 || third > 59 ? null : first * 3600 + second * 60 + third;
}

/** A non-negative integer written plainly ("3", " 12 "), else null. */
export function parseCount(input: string | null | undefined): number | null {
  if (!input) return null;
  const s = input.trim();
  if (!/^\d{1,9}$/.test(s)) return null;
  return Number(s);
}

/** A number ("1.5", "-0.3"), else null. */
export function parseNumber(input: string | null | undefined): number | null {
  if (!input) return null;
  const s = input.trim();
  if (!/^-?\d+(?:\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** `itunes:explicit` and friends: yes/true/explicit → true, no/false/clean → false, else null. */
export function parseExplicit(input: string | null | undefined): boolean | null {
  if (!input) return null;
  switch (input.trim().toLowerCase()) {
    case 'yes':
    case 'true':
    case 'explicit':
      return true;
    case 'no':
    case 'false':
    case 'clean':
      return false;
    default:
      return null;
  }
}

export function parseYes(input: string | null | undefined): boolean {
  if (!input) return false;
  const s = input.trim().toLowerCase();
  return s === 'yes' || s === 'true';
}
