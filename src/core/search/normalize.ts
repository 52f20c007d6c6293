/**
 * How text becomes search terms, shared by indexing, querying and highlighting so the three always
 * agree: "Café", "cafe" and "CAFÉ" are one term; "don't" is "dont"; Chinese and Japanese text, which
 * has no spaces, is indexed character by character so a word inside a sentence can still be found.
 */

/** A word: letters, digits and combining marks, with apostrophes allowed inside it. */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const APOSTROPHES = /['’]/g;
/**
 * Accents on Latin, Greek and Cyrillic letters; not every combining mark: the kana voicing
 * marks (で vs て) and Indic vowel signs change the word.
 */
// eslint-disable-next-line no-misleading-character-class -- a class of lone combining marks, stripped after NFD; nothing is combined in it
const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g;
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const CJK_OR_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|[^\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+/gu;
/** Letters NFKD leaves alone that readers still expect to fold. */
const EXTRA_FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const EXTRA = /[ßæœøłđðþı]/g;
/** Longer "words" are base64, hashes or glued URLs: noise that only bloats the index. */
export const MAX_TERM_LENGTH = 40;

/** Lower-cases and strips accents (NFKD, drop diacritics, NFC again), so matching ignores both. */
export function fold(text: string): string {
  // Pure ASCII is by far the common case and needs only lower-casing.
  // eslint-disable-next-line no-control-regex -- matching control characters is what this expression is for
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(EXTRA, (c) => EXTRA_FOLDS[c] ?? c);
}

/** One term of a text, with where its source characters sit (for highlighting). */
export interface TermSpan {
  term: string;
  start: number;
  end: number;
}

function termOf(raw: string): string | null {
  const term = fold(raw).replace(APOSTROPHES, '');
  return term.length > 0 && term.length <= MAX_TERM_LENGTH ? term : null;
}

/** Every term of `text` with its position, in order. */
export function termSpans(text: string): TermSpan[] {
  const spans: TermSpan[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const at = m.index;
    if (!CJK.test(word)) {
      const term = termOf(word);
      if (term) spans.push({ term, start: at, end: at + word.length });
      continue;
    }
    for (const piece of word.matchAll(CJK_OR_RUN)) {
      const term = termOf(piece[0]);
      if (term) spans.push({ term, start: at + piece.index, end: at + piece.index + piece[0].length });
    }
  }
  return spans;
}

/** The terms of `text` (MiniSearch's `tokenize`; `processTerm` is then the identity). */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (!CJK.test(word)) {
      const term = termOf(word);
      if (term) terms.push(term);
      continue;
    }
    for (const piece of word.matchAll(CJK_OR_RUN)) {
      const term = termOf(piece[0]);
      if (term) terms.push(term);
    }
  }
  return terms;
}
