import { describe, expect, test } from 'vitest';
import { TranscriptIndex, matchingIds } from '../../../src/core/transcript-index/index';
import { buildSegment, isSegment, lookup, type SegmentInput } from '../../../src/core/transcript-index/segment';
import { handleTranscriptRequest } from '../../../src/core/transcript-index/backend';
import { fuseRankings } from '../../../src/core/transcript-index/fuse';
import { transcriptLines } from '../../../src/core/transcript-index/lines';

function input(episodeId: string, lines: string[], chapters: string[] = [], podcastId = 'show-a', published = 1): SegmentInput {
  return { episodeId, podcastId, published, lines: lines.map((text, i) => ({ start: i * 5, text })), chapters: chapters.map((title, i) => ({ start: i * 60, title })) };
}

describe('segments', () => {
  test('postings list each line once per term, sorted, without function words; accents and case folded', () => {
    const s = buildSegment(input('e1', ['The Café is open', 'café CAFÉ cafe', 'nothing here']));
    expect(s.terms).toEqual([...s.terms].sort());
    expect(s.terms).not.toContain('the');
    expect(lookup(s, 'cafe', false).ids).toEqual([0, 1]);
    expect(lookup(s, 'caf', true)).toEqual({ ids: [0, 1], matched: ['cafe'] });
    expect(lookup(s, 'caf', false).ids).toEqual([]);
    expect(isSegment(s)).toBe(true);
    expect(isSegment({ ...s, version: 0 })).toBe(false);
    expect(isSegment(null)).toBe(false);
  });

  test('chapter titles get ids after the lines', () => {
    const s = buildSegment(input('e1', ['one line'], ['Zeppelin workshop']));
    expect(s.lineCount).toBe(1);
    expect(lookup(s, 'zeppelin', false).ids).toEqual([1]);
    expect(s.starts[1]).toBe(0);
  });
});

describe('search', () => {
  const index = new TranscriptIndex();
  index.add(buildSegment(input('a', ['we talk about the periwinkle zeppelin', 'and the tides', 'periwinkle again'], [], 'show-a', 10)));
  index.add(buildSegment(input('b', ['zeppelin talk only', 'the periwinkle', 'zeppelin'], ['Periwinkle chapter'], 'show-b', 20)));
  index.add(buildSegment(input('c', ['nothing to see'], [], 'show-b', 30)));

  test('finds the moments that say every word, with their start times', () => {
    const out = index.search('periwinkle zeppelin');
    expect(out.hits.map((h) => h.episodeId).sort()).toEqual(['a', 'b']);
    const a = out.hits.find((h) => h.episodeId === 'a')!;
    expect(a.moments[0]).toEqual({ id: 0, start: 0, chapter: false });
    expect(a.terms.sort()).toEqual(['periwinkle', 'zeppelin']);
  });

  test('a phrase cut across two lines still matches, at the first line', () => {
    // "zeppelin talk only" + "the periwinkle" in episode b.
    expect(matchingIds([[0, 2], [1]], 3)).toEqual([0, 1]);
  });

  test('prefixes from three letters, chapters first, filters by show and by ids', () => {
    const out = index.search('periw');
    const b = out.hits.find((h) => h.episodeId === 'b')!;
    expect(b.moments[0].chapter).toBe(true);
    expect(index.search('periwinkle', { podcastId: 'show-a' }).hits.map((h) => h.episodeId)).toEqual(['a']);
    expect(index.search('periwinkle', { onlyIds: new Set(['b']) }).hits.map((h) => h.episodeId)).toEqual(['b']);
    expect(index.search('pe').hits).toEqual([]);
  });

  test('function words alone find nothing in transcripts; removing an episode drops its hits', () => {
    expect(index.search('the and').total).toBe(0);
    const copy = new TranscriptIndex();
    copy.add(buildSegment(input('a', ['tides'])));
    copy.remove('a');
    expect(copy.search('tides').total).toBe(0);
  });

  test('the worker protocol: index returns the segment to store, load skips unusable ones', () => {
    const idx = new TranscriptIndex();
    const seg = handleTranscriptRequest(idx, { op: 'index', input: input('x', ['marmalade']) });
    expect(isSegment(seg)).toBe(true);
    const fresh = new TranscriptIndex();
    expect(handleTranscriptRequest(fresh, { op: 'load', segments: [seg, { junk: true }, null] })).toEqual(['x']);
    expect(fresh.search('marmalade').total).toBe(1);
  });
});

describe('fusing the episode and transcript rankings', () => {
  test('found by both ranks above found by one; ties keep the first list first', () => {
    expect(
      fuseRankings([
        ['t1', 'both'],
        ['both', 's1'],
      ]),
    ).toEqual(['both', 't1', 's1']);
    expect(fuseRankings([['a'], ['b']])).toEqual(['a', 'b']);
  });
});

describe('lines of untimed transcripts', () => {
  test('text and HTML become paragraphs without markup or times', () => {
    expect(transcriptLines({ kind: 'text', text: 'One.\n\nTwo  words.' })).toEqual([
      { start: -1, text: 'One.', speaker: null },
      { start: -1, text: 'Two words.', speaker: null },
    ]);
    const html = transcriptLines({ kind: 'html', html: '<p>Hello <b>there</b></p><script>alert(1)</script><p>A &amp; B</p>' });
    expect(html.map((l) => l.text)).toEqual(['Hello there', 'A & B']);
  });
});
