import { describe, expect, test } from 'vitest';
import { readAddInput } from '../../../src/core/library/add-input';

describe('readAddInput', () => {
  test('words go to the directory', () => {
    expect(readAddInput('the daily')).toEqual({ kind: 'words', query: 'the daily' });
    expect(readAddInput('  radiolab ')).toEqual({ kind: 'words', query: 'radiolab' });
  });
  test('an address without a scheme tries https, then http', () => {
    expect(readAddInput('example.com/feed.xml')).toEqual({ kind: 'address', candidates: ['https://example.com/feed.xml', 'http://example.com/feed.xml'] });
    expect(readAddInput('127.0.0.1:8080/feeds/x.xml')).toEqual({ kind: 'address', candidates: ['https://127.0.0.1:8080/feeds/x.xml', 'http://127.0.0.1:8080/feeds/x.xml'] });
  });
  test('an address with a scheme is taken as written', () => {
    expect(readAddInput('http://example.com/feed')).toEqual({ kind: 'address', candidates: ['http://example.com/feed'] });
    expect(readAddInput('feed://example.com/rss')).toEqual({ kind: 'address', candidates: ['https://example.com/rss'] });
  });
  test('an unusable address says what to do next', () => {
    const out = readAddInput('ftp://example.com/x');
    expect(out.kind).toBe('invalid');
    expect(out.kind === 'invalid' && out.message).toMatch(/type the show’s name/);
  });
});
