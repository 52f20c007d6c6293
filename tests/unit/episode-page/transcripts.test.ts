import { describe, expect, test } from 'vitest';
import { cueIndexAt, groupCues, parseCueTime, parseTranscript, pickTranscript, transcriptFormat, TranscriptError, MAX_CUES } from '../../../src/core/transcripts';

const VTT = `WEBVTT
Kind: captions

NOTE this is a comment

intro
00:00:00.000 --> 00:00:04.500 align:start
<v Ada Lovelace>Welcome to the show &amp; hello.</v>

00:04.500 --> 00:09.000
<v Ada Lovelace>Today: <i>routing</i>.

00:00:09.000 --> 00:00:12.000
<v.loud Charles>Thanks, Ada.
`;

const SRT = `1
00:00:01,000 --> 00:00:03,000
First line
continues here

2
00:00:03,500 --> 00:00:05,250
<b>Second</b> line

3
garbage --> 00:00:07,000
dropped
`;

describe('transcript formats', () => {
  test('are read from the type, then the extension', () => {
    expect(transcriptFormat('application/json')).toBe('json');
    expect(transcriptFormat('text/vtt')).toBe('vtt');
    expect(transcriptFormat('application/x-subrip')).toBe('srt');
    expect(transcriptFormat('application/srt')).toBe('srt');
    expect(transcriptFormat('text/html')).toBe('html');
    expect(transcriptFormat('text/plain')).toBe('text');
    expect(transcriptFormat('', 'https://x.example/ep1.vtt?sig=1')).toBe('vtt');
    expect(transcriptFormat('application/octet-stream', 'https://x.example/t')).toBe('text');
  });
  test('a timed transcript is preferred over HTML or text', () => {
    const t = (type: string) => ({ url: `https://x.example/${type}`, type });
    expect(pickTranscript([t('text/html'), t('text/vtt'), t('text/plain')])?.type).toBe('text/vtt');
    expect(pickTranscript([t('text/plain'), t('text/html')])?.type).toBe('text/html');
    expect(pickTranscript([])).toBeNull();
  });
});

describe('parseTranscript', () => {
  test('WebVTT: cues with times, voices as speakers, markup and entities removed, notes skipped', () => {
    const doc = parseTranscript(VTT, 'vtt');
    expect(doc).toEqual({
      kind: 'cues',
      cues: [
        { start: 0, end: 4.5, speaker: 'Ada Lovelace', text: 'Welcome to the show & hello.' },
        { start: 4.5, end: 9, speaker: 'Ada Lovelace', text: 'Today: routing.' },
        { start: 9, end: 12, speaker: 'Charles', text: 'Thanks, Ada.' },
      ],
    });
  });
  test('SRT: comma decimals, multi-line text, malformed timings dropped, CRLF accepted', () => {
    const doc = parseTranscript(SRT.replace(/\n/g, '\r\n'), 'srt');
    expect(doc).toEqual({
      kind: 'cues',
      cues: [
        { start: 1, end: 3, speaker: null, text: 'First line continues here' },
        { start: 3.5, end: 5.25, speaker: null, text: 'Second line' },
      ],
    });
  });
  test('JSON (podcast namespace): segments, bad ones skipped, sorted by time', () => {
    const body = JSON.stringify({
      version: '1.0.0',
      segments: [
        { speaker: 'Bob', startTime: 5.5, endTime: 8, body: 'Later <script>x</script>line' },
        { speaker: 'Ann', startTime: 0.5, endTime: 2, body: 'First' },
        { startTime: -1, body: 'negative' },
        { startTime: 'x', body: 'nan' },
        { startTime: 3 },
        null,
      ],
    });
    expect(parseTranscript(body, 'json')).toEqual({
      kind: 'cues',
      cues: [
        { start: 0.5, end: 2, speaker: 'Ann', text: 'First' },
        { start: 5.5, end: 8, speaker: 'Bob', text: 'Later xline' },
      ],
    });
  });
  test('broken JSON and empty documents give clear errors', () => {
    expect(() => parseTranscript('{"segments": [', 'json')).toThrow(TranscriptError);
    expect(() => parseTranscript('{"version":"1"}', 'json')).toThrow('no segments');
    expect(() => parseTranscript('WEBVTT\n\n', 'vtt')).toThrow('no lines');
  });
  test('a "VTT" that is really prose is shown as text', () => {
    expect(parseTranscript('Just a paragraph of words.', 'vtt')).toEqual({ kind: 'text', text: 'Just a paragraph of words.' });
  });
  test('HTML stays HTML for the page to sanitize; text stays text', () => {
    expect(parseTranscript('<p>Hi</p>', 'html')).toEqual({ kind: 'html', html: '<p>Hi</p>' });
    expect(parseTranscript('\uFEFF  words \n', 'text')).toEqual({ kind: 'text', text: 'words' });
  });
  test('a huge document is capped', () => {
    const segments = Array.from({ length: MAX_CUES + 10 }, (_, i) => ({ startTime: i, endTime: i + 1, body: 'x' }));
    const doc = parseTranscript(JSON.stringify({ segments }), 'json');
    expect(doc.kind === 'cues' && doc.cues.length).toBe(MAX_CUES);
  });
});

describe('cue helpers', () => {
  test('parseCueTime reads the VTT and SRT forms and rejects junk', () => {
    expect(parseCueTime('01:02:03.5')).toBe(3723.5);
    expect(parseCueTime('02:03,250')).toBe(123.25);
    expect(parseCueTime('1:61:00')).toBeNull();
    expect(parseCueTime('abc')).toBeNull();
  });
  test('groupCues starts a paragraph per speaker turn, after a pause and every 45 s', () => {
    const cue = (start: number, speaker: string | null, length = 10) => ({ start, end: start + length, speaker, text: `t${start}` });
    const groups = groupCues([cue(0, 'A'), cue(10, 'A'), cue(20, 'B'), cue(30, null), cue(40, null), cue(50, null), cue(60, null), cue(80, 'B', 5), cue(100, 'B')]);
    expect(groups.map((g) => [g.speaker, g.start, g.cues.length])).toEqual([
      ['A', 0, 2],
      // 20…60: one speaker, no pause, under 45 s from the paragraph's start.
      ['B', 20, 5],
      // 80 is 60 s after 20; 100 follows a 15 s pause.
      ['B', 80, 1],
      ['B', 100, 1],
    ]);
  });
  test('cueIndexAt finds the cue playing, and none in a gap', () => {
    const cues = [
      { start: 0, end: 2, speaker: null, text: 'a' },
      { start: 5, end: 7, speaker: null, text: 'b' },
      { start: 7, end: null, speaker: null, text: 'c' },
    ];
    expect([cueIndexAt(cues, 1), cueIndexAt(cues, 3), cueIndexAt(cues, 6), cueIndexAt(cues, 100), cueIndexAt(cues, -1)]).toEqual([0, -1, 1, 2, -1]);
  });
});
