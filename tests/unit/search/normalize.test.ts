import { describe, expect, test } from 'vitest';
import { fold, MAX_TERM_LENGTH, termSpans, tokenize } from '../../../src/core/search/index';

describe('fold', () => {
  test('ignores case and accents, including letters NFKD keeps', () => {
    expect(fold('Café Crème')).toBe('cafe creme');
    expect(fold('Straße')).toBe('strasse');
    expect(fold('Ærøskøbing')).toBe('aeroskobing');
    expect(fold('Łódź')).toBe('lodz');
    expect(fold('ﬁle')).toBe('file');
  });
  test('keeps marks that change the word: kana voicing, Hangul syllables', () => {
    expect(fold('でんき')).not.toBe(fold('てんき'));
    expect(fold('デ')).toBe('デ');
    expect(fold('한국어')).toBe('한국어');
  });
  test('decomposed and composed input fold the same', () => {
    expect(fold('Cafe\u0301')).toBe(fold('Caf\u00e9'));
  });
});

describe('tokenize', () => {
  test('splits on punctuation and drops it, keeping digits', () => {
    expect(tokenize('BGP-LS, IPv6 & OSPF: episode #42!')).toEqual(['bgp', 'ls', 'ipv6', 'ospf', 'episode', '42']);
  });
  test('apostrophes join a word instead of splitting it', () => {
    expect(tokenize("Don't panic, it’s fine")).toEqual(['dont', 'panic', 'its', 'fine']);
  });
  test('Chinese and Japanese are indexed per character, Latin runs inside them stay whole', () => {
    expect(tokenize('東京でKubernetes')).toEqual(['東', '京', 'で', 'kubernetes']);
  });
  test('drops runs too long to be words', () => {
    const junk = 'a'.repeat(MAX_TERM_LENGTH + 1);
    expect(tokenize(`keep ${junk} this`)).toEqual(['keep', 'this']);
  });
});

describe('termSpans', () => {
  test('point back at the original characters, even when folding changes length', () => {
    const text = 'Die Straße, Cafe\u0301 und ﬁle';
    const spans = termSpans(text);
    expect(spans.map((s) => s.term)).toEqual(['die', 'strasse', 'cafe', 'und', 'file']);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Die', 'Straße', 'Cafe\u0301', 'und', 'ﬁle']);
  });
  test('CJK characters get one span each', () => {
    const text = '东京 tokyo';
    expect(termSpans(text).map((s) => [s.term, s.start, s.end])).toEqual([
      ['东', 0, 1],
      ['京', 1, 2],
      ['tokyo', 3, 8],
    ]);
  });
});
