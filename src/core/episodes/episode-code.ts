/**
 * Episode codes: the network prefixes titles with a show code and a number (`HN806: Let's Get
 * NUTS!`, `NAN090: …`, `D2DO270: …`, older `D2C244: …` and `Day Two Cloud 192: …`, `PP059: …`).
 * Listeners quote episodes by these codes, so they are parsed, shown as a badge and searchable.
 * Any show using the same `<letters><digits>:` habit gets the same treatment.
 */

export interface EpisodeCode {
  /** Upper-case show code as written: `HN`, `D2DO`, `D2C`, `DTC` (from "Day Two Cloud"). */
  show: string;
  number: number;
  /** How the badge reads: `HN806`, digits kept as written (`PP059`). */
  label: string;
}

/**
 * `<code><digits>` at the start of a title, then `:`, ` -`, `–` or the end. The code is letters,
 * optionally with digits inside (`D2DO`, `D2C`), starting and ending with a letter, so a year
 * ("2024: the review") or a bare number is never taken for a code.
 */
const PREFIX = /^\s*(?:\[([A-Za-z](?:[A-Za-z0-9]{0,6}[A-Za-z])?)[ -]?(\d{1,5})\]|([A-Za-z](?:[A-Za-z0-9]{0,6}[A-Za-z])?)[ -]?(\d{1,5})\s*(?::|\s[-–—|]\s|$))/;
/** Named forms the network used before codes: "Day Two Cloud 192: …". */
const NAMED: ReadonlyArray<[RegExp, string]> = [[/^\s*Day Two Cloud\s+(\d{1,5})\b/i, 'D2C']];
/**
 * Words that look like a code but are not: `Part 2:`, `Episode 12:`, `Ep 5:` say nothing of the
 * show, and a tech podcast's titles open with protocol, format and product names written the same
 * way (`IPV6:`, `HTTP3:`, `COVID19:`, `GPT4:`); a badge or a code search hit on those would be wrong.
 */
const NOT_CODES = new Set([
  ...['PART', 'EP', 'EPISODE', 'CHAPTER', 'SEASON', 'NO', 'VOL', 'NUMBER', 'BONUS', 'TOP', 'DAY', 'WEEK', 'ROUND', 'LEVEL', 'STEP'],
  ...[
    'MP',
    'COVID',
    'IPV',
    'HTTP',
    'HTML',
    'CSS',
    'GPT',
    'WIFI',
    'WPA',
    'TLS',
    'SSL',
    'SHA',
    'MD',
    'USB',
    'PCIE',
    'DDR',
    'LTE',
    'ARM',
    'AMD',
    'WEB',
    'PHP',
    'ES',
    'SNMPV',
    'OSPFV',
    'DOCSIS',
    'WINDOWS',
    'WIN',
    'IOS',
  ],
]);

/** One letter and digits is a name (`F1`, `X86`, `H264`, `S3`), never a show's code. */
const isCode = (show: string): boolean => show.length >= 2 && !NOT_CODES.has(show);

export function parseEpisodeCode(title: string): EpisodeCode | null {
  for (const [re, show] of NAMED) {
    const m = re.exec(title);
    if (m) return { show, number: Number(m[1]), label: `${show}${m[1]}` };
  }
  const m = PREFIX.exec(title);
  if (!m) return null;
  const letters = m[1] ?? m[3];
  const digits = m[2] ?? m[4];
  // Lower-case-only words ("part 2:") are prose, not codes; codes are written in capitals.
  if (letters !== letters.toUpperCase()) return null;
  const show = letters.toUpperCase();
  if (!isCode(show)) return null;
  return { show, number: Number(digits), label: `${show}${digits}` };
}

/** What a search box query means as an episode code: `HN806`, `hn 806`, `hn-806`, `D2DO 270`. */
export function parseCodeQuery(query: string): { show: string; number: number } | null {
  const m = /^\s*([A-Za-z](?:[A-Za-z0-9]{0,6}[A-Za-z])?)[\s-]*(\d{1,5})\s*$/.exec(query);
  if (!m) return null;
  const show = m[1].toUpperCase();
  if (!isCode(show)) return null;
  return { show, number: Number(m[2]) };
}

/** The code as one search term, padding dropped (`PP059` → `pp59`); '' for none. */
export function codeToken(code: { show: string; number: number } | null): string {
  return code ? `${code.show}${code.number}`.toLowerCase() : '';
}

/** True when an episode's code is the one a query asked for (`HN806` = `hn 0806`). */
export function codeMatches(code: EpisodeCode | null, wanted: { show: string; number: number }): boolean {
  return code !== null && code.show === wanted.show && code.number === wanted.number;
}

/** The number to order by: the title's code, else `itunes:episode` / `podcast:episode`. */
export function episodeNumber(episode: { title: string; episode: number | null }): number | null {
  return parseEpisodeCode(episode.title)?.number ?? episode.episode ?? null;
}

/**
 * Newest first; episodes published at the same moment (a batch upload, dates without a time)
 * by number, higher first, so HN806 sits above HN805.
 */
export function compareNewestFirst(a: { published: number; title: string; episode: number | null }, b: { published: number; title: string; episode: number | null }): number {
  if (b.published !== a.published) return b.published - a.published;
  return (episodeNumber(b) ?? -1) - (episodeNumber(a) ?? -1);
}
