import type { ParseContext } from './context';
import { FeedError } from './errors';
import { htmlEntity } from './html-entities';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Windows-1252 characters for the C1 range, which HTML maps numeric references 128–159 to. */
export const C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** `&` followed by a well-formed reference (group 1) or by nothing usable (a bare ampersand). */
const REF = /&(#[0-9]{1,8};|#[xX][0-9a-fA-F]{1,8};|[A-Za-z][A-Za-z0-9]{0,31};)?/g;
const LOOKS_ESCAPED = /&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});/;

function fromCodePoint(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return C1.charAt(code - 0x80);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

function named(name: string, ctx: ParseContext, quiet: boolean): string | undefined {
  const xml = XML_ENTITIES[name];
  if (xml !== undefined) return xml;
  const declared = ctx.entities?.get(name);
  if (declared !== undefined) {
    ctx.expansionBudget -= declared.length;
    if (ctx.expansionBudget < 0) throw new FeedError('entity-bomb');
    return declared;
  }
  const html = htmlEntity(name);
  if (html !== undefined) {
    if (!quiet) ctx.warn('html-entity', 'Read HTML entities such as &' + name + '; that XML does not define');
    return html;
  }
  return undefined;
}

/**
 * Resolves character and entity references in text that came outside CDATA. Broken references are
 * repaired the way browsers do: a bare `&` stays a literal `&`, HTML names are understood, and
 * unknown names are kept as written.
 */
export function decodeEntities(text: string, ctx: ParseContext, quiet = false): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(REF, (whole: string, ref: string | undefined) => {
    if (ref === undefined) {
      if (!quiet) ctx.warn('bare-amp', "Read a bare '&' as text");
      return '&';
    }
    if (ref.charCodeAt(0) === 35 /* # */) {
      const hex = ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88;
      return fromCodePoint(parseInt(ref.slice(hex ? 2 : 1, -1), hex ? 16 : 10));
    }
    const value = named(ref.slice(0, -1), ctx, quiet);
    if (value !== undefined) return value;
    if (!quiet) ctx.warn('unknown-entity:' + ref, 'Kept the undefined entity &' + ref + ' as text');
    return whole;
  });
}

/**
 * Plain-text fields (titles, names) are often escaped twice by publishers, or escaped inside CDATA;
 * no title means a literal "&amp;", so one more pass gives what listeners expect to read.
 */
export function decodePlainAgain(text: string, ctx: ParseContext): string {
  if (text.indexOf('&') === -1 || !LOOKS_ESCAPED.test(text)) return text;
  return decodeEntities(text, ctx, true);
}
