import { describe, expect, it } from 'vitest';
import { quoteText, type Quote } from '../../src/features/share/share-quote';

const quote = (text: string, extra: Partial<Quote> = {}): Quote => ({ episodeId: 'e', episodeTitle: 'Gardens in the air', showTitle: 'Lab Notes', seconds: 10.7, text, speaker: null, ...extra });

describe('quoteText', () => {
  it('quotes the line with its speaker, episode, show and time', () => {
    expect(quoteText(quote('I build zeppelins in my garden.', { speaker: 'Zoe Quartermaine' }))).toBe('“I build zeppelins in my garden.” (Zoe Quartermaine) — Gardens in the air, Lab Notes at 0:10');
  });

  it('trims a cue and folds its line breaks into one line', () => {
    expect(quoteText(quote('  Two rows\n of   caption \t'))).toBe('“Two rows of caption” — Gardens in the air, Lab Notes at 0:10');
  });

  it('caps a long line at 500 characters, never cutting an emoji in half', () => {
    const said = /^“(.*)”/su.exec(quoteText(quote('🎙'.repeat(600))))![1];
    expect(Array.from(said)).toHaveLength(500);
    expect(said.endsWith('🎙…')).toBe(true);
    expect(quoteText(quote('a'.repeat(500)))).toContain(`“${'a'.repeat(500)}”`);
  });

  it('leaves out a missing show title', () => {
    expect(quoteText(quote('Hi.', { showTitle: '' }))).toBe('“Hi.” — Gardens in the air at 0:10');
  });
});
