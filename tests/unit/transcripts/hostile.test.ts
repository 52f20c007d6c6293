import { describe, expect, test } from 'vitest';
import { checkTranscriptBody } from '../../../src/core/transcript-checks';
import { parseTranscript, TranscriptError } from '../../../src/core/transcripts';

describe('hostile transcript bodies get a clear message', () => {
  test('a web page, binary data or an audio type under a transcript link', () => {
    expect(() => checkTranscriptBody('<!doctype html><html><body>Sign in</body></html>', 'vtt', 'text/vtt')).toThrow('returned a web page, not a WebVTT transcript');
    expect(() => checkTranscriptBody('ID3\u0000\u0000binary', 'srt', null)).toThrow('binary data');
    expect(() => checkTranscriptBody('WEBVTT', 'vtt', 'audio/mpeg')).toThrow('returned audio/mpeg');
    expect(() => checkTranscriptBody('just some words', 'vtt', 'text/vtt')).toThrow('no WEBVTT header');
    // A proxy that hides the host's type, or a sloppy text/plain, is fine when the body is right.
    expect(() => checkTranscriptBody('WEBVTT\n\n00:00.000 --> 00:01.000\nhi', 'vtt', 'application/octet')).not.toThrow();
    expect(() => checkTranscriptBody('1\n00:00:01,000 --> 00:00:02,000\nhi', 'srt', 'text/plain')).not.toThrow();
    expect(() => checkTranscriptBody('1\n00:00:01,000 --> 00:00:02,000\nhi', 'srt', 'application/x-subrip; charset=utf-8')).not.toThrow();
    expect(() => checkTranscriptBody('1\n00:00:01,000 --> 00:00:02,000\nhi', 'srt', 'application/octet-stream')).not.toThrow();
    expect(() => checkTranscriptBody('%PDF-1.4', 'srt', 'application/pdf')).toThrow('returned application/pdf');
  });

  test('broken cues are skipped, markup in cue text is stripped, a file of only broken cues is an error', () => {
    const doc = parseTranscript(
      'WEBVTT\n\nbanana --> 00:00:01.000\nlost\n\n00:00:01.000 --> banana\n<b>kept</b>\n\n00:00:02.000 --> 00:00:03.000\n<script>alert(1)</script><i>Recovered</i> &amp; more\n',
      'vtt',
    );
    // A cue without a start is dropped; one with a broken end keeps its start. Tags go; text stays text.
    expect(doc).toEqual({
      kind: 'cues',
      cues: [
        { start: 1, end: null, speaker: null, text: 'kept' },
        { start: 2, end: 3, speaker: null, text: 'alert(1)Recovered & more' },
      ],
    });
    expect(() => parseTranscript('WEBVTT\n\nbanana --> 00:00:01.000\nx\n', 'vtt')).toThrow(TranscriptError);
    expect(() => parseTranscript('{"segments": 5}', 'json')).toThrow('no segments');
  });

  test('SRT "Name: words" lines give the speaker; VTT prose with a colon does not', () => {
    const srt = parseTranscript('1\n00:00:06,000 --> 00:00:11,000\nMax Night: Zoe joins us at midnight.\n', 'srt');
    expect(srt).toMatchObject({ kind: 'cues', cues: [{ speaker: 'Max Night', text: 'Zoe joins us at midnight.' }] });
    const vtt = parseTranscript('WEBVTT\n\n00:01.000 --> 00:02.000\nToday: routing.\n', 'vtt');
    expect(vtt).toMatchObject({ kind: 'cues', cues: [{ speaker: null, text: 'Today: routing.' }] });
  });
});
