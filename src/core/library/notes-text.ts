import { htmlEntity } from '../feed/html-entities';

/** Longest plain text kept per episode: enough for search, bounded so one odd feed can't bloat the store. */
export const MAX_NOTES_TEXT = 20_000;

const DROP_ELEMENTS = ['script', 'style', 'template', 'noscript'];
const BLOCK_TAG = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|pre|hr|dd|dt)\b[^<>]*>/gi;

/** Removes elements whose content is never text (scripts, styles) with indexOf, so hostile input stays linear. */
function dropElements(html: string): string {
  let lower = html.toLowerCase();
  for (const name of DROP_ELEMENTS) {
    let out = '';
    let from = 0;
    for (;;) {
      const open = lower.indexOf(`<${name}`, from);
      if (open < 0) break;
      const close = lower.indexOf(`</${name}`, open);
      out += html.slice(from, open) + ' ';
      if (close < 0) {
        from = html.length;
        break;
      }
      const end = lower.indexOf('>', close);
      from = end < 0 ? html.length : end + 1;
    }
    if (from > 0) {
      html = out + html.slice(from);
      lower = html.toLowerCase();
    }
  }
  return html;
}

function decodeEntity(whole: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  }
  return htmlEntity(body) ?? whole;
}

/**
 * Plain text of HTML show notes, for search and previews. A cheap strip, not a sanitizer:
 * its output is only ever rendered as text.
 */
export function htmlToText(html: string, max = MAX_NOTES_TEXT): string {
  if (!html) return '';
  // Markup is rarely more than a few times the text; beyond that it is not worth scanning.
  let s = html.length > max * 8 ? html.slice(0, max * 8) : html;
  s = s.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  s = dropElements(s);
  s = s.replace(BLOCK_TAG, '\n').replace(/<[^<>]*>/g, ' ');
  s = s.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, decodeEntity);
  s = s
    .replace(/[ \t\f\v\r\u00a0]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
  return s.length > max ? s.slice(0, max) : s;
}
