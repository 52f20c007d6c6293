/** English month names plus the German, French, Spanish, Italian and Dutch ones feeds also use. */
const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
  mär: 2,
  mae: 2,
  mrz: 2,
  mai: 4,
  okt: 9,
  dez: 11, // de
  fév: 1,
  fev: 1,
  avr: 3,
  aoû: 7,
  aou: 7,
  déc: 11, // fr
  ene: 0,
  abr: 3,
  ago: 7,
  dic: 11,
  set: 8, // es, it
  gen: 0,
  mag: 4,
  giu: 5,
  lug: 6,
  ott: 9,
  mrt: 2,
  mei: 4, // it, nl
};

/** Offsets in minutes for the zone names RFC 822 defines and the ones feeds write anyway. */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  AST: -240,
  ADT: -180,
  NST: -210,
  NDT: -150,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  MEZ: 60,
  MESZ: 120,
  WEST: 60,
  BST: 60,
  IST: 330,
  EET: 120,
  EEST: 180,
  MSK: 180,
  JST: 540,
  KST: 540,
  HKT: 480,
  SGT: 480,
  AWST: 480,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  BRT: -180,
  ART: -180,
};

const RFC822 = /^(?:[^\d\s,]{2,}\.?,?\s*)?(\d{1,2})(?:st|nd|rd|th)?[\s.-]+([^\d\s.,-]{3,})\.?,?[\s-]+(\d{2,4})(?:[\sT,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?)?\s*(.*)$/;
const MONTH_FIRST = /^(?:[^\d\s,]{2,}\.?,?\s+)?([^\d\s.,]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/;
const ISO = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(.*)$/;
const NUMERIC_ZONE = /^(?:GMT|UTC)?\s*([+-])(\d{1,2}):?(\d{2})?\b/;

function zoneOffset(rest: string): number | null {
  const zone = rest.trim();
  if (zone === '') return 0;
  const n = NUMERIC_ZONE.exec(zone);
  if (n) {
    const minutes = Number(n[2]) * 60 + Number(n[3] ?? 0);
    if (minutes > 18 * 60) return null;
    return n[1] === '-' ? -minutes : minutes;
  }
  const word = /^\(?([A-Za-z]+)/.exec(zone);
  if (!word) return null;
  // RFC 822's military letters were defined with the wrong sign; RFC 2822 says treat them as UTC.
  // A zone we cannot name ("Europe/Berlin", "PT") costs hours at most; dropping the date costs
  // the episode its place in the list, so it is read as UTC.
  return ZONES[word[1].toUpperCase()] ?? 0;
}

function build(yearText: string, month: number, day: number, hour: number, minute: number, second: number, offset: number): string | null {
  let year = Number(yearText);
  // Two digits are a year of this century or the last, three are Java's years since 1900; four
  // are what they say, so PHP's zero date "30 Nov -0001" is refused rather than read as 2001.
  if (yearText.length === 2) year += year < 50 ? 2000 : 1900;
  else if (yearText.length === 3) year += 1900;
  if (year < 1900 || year > 2200 || month < 0 || month > 11 || day < 1 || day > 31) return null;
  if (hour > 24 || minute > 59 || second > 60) return null;
  const local = Date.UTC(year, month, day, hour, minute, second);
  if (new Date(Date.UTC(year, month, day)).getUTCDate() !== day) return null;
  return new Date(local - offset * 60_000).toISOString();
}

function monthIndex(name: string): number | undefined {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

/**
 * Any date shape seen in feeds — RFC 822 with or without weekday, named or numeric zones,
 * two-digit years, ISO 8601, "Month D, YYYY" — to ISO-8601 UTC. Garbage gives null, never NaN.
 * A date without a zone is taken as UTC, so results never depend on the machine's time zone.
 */
export function parseDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const s = input.trim();
  if (s.length < 6 || s.length > 80) return null;

  let m = ISO.exec(s);
  if (m && m[1] !== undefined) {
    const offset = zoneOffset(m[7]);
    if (offset === null) return null;
    return build(m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), offset);
  }
  m = RFC822.exec(s);
  let dayIdx = 1;
  let monthIdx = 2;
  if (!m) {
    m = MONTH_FIRST.exec(s);
    dayIdx = 2;
    monthIdx = 1;
  }
  if (!m) return null;
  const month = monthIndex(m[monthIdx]);
  if (month === undefined) return null;
  const offset = zoneOffset(m[7]);
  if (offset === null) return null;
  return build(m[3], month, +m[dayIdx], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), offset);
}
