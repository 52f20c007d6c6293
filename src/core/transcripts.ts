/**
 * `podcast:transcript` documents (WebVTT, SRT, the namespace's JSON, HTML, plain text) read into
 * timed cues, or kept as text/HTML when they carry no times. Hostile input: sizes are bounded,
 * times validated, markup stripped from cue text (HTML transcripts are sanitized by the page).
 */
import type { Transcript } from './types';

export interface Cue {
  /** Seconds from the start. */
  start: number;
  end: number | null;
  speaker: string | null;
  text: string;
}

export type TranscriptDoc = { kind: 'cues'; cues: Cue[] } | { kind: 'html'; html: string } | { kind: 'text'; text: string };

export type TranscriptFormat = 'json' | 'vtt' | 'srt' | 'html' | 'text';

export class TranscriptError extends Error {
  override name = 'TranscriptError';
}

export const MAX_CUES = 20_000;
const MAX_CUE_TEXT = 2_000;
const MAX_SPEAKER = 100;

/** The format a transcript link declares (type first, then the file extension). */
export function transcriptFormat(type: string, url = ''): TranscriptFormat {
  const t = type.toLowerCase();
  if (t.includes('json')) return 'json';
  if (t.includes('vtt')) return 'vtt';
  if (t.includes('srt') || t.includes('subrip')) return 'srt';
  if (t.includes('html')) return 'html';
  if (t.startsWith('text/plain')) return 'text';
  const ext = /\.([a-z]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'vtt') return 'vtt';
  if (ext === 'srt') return 'srt';
  if (ext === 'html' || ext === 'htm') return 'html';
  return 'text';
}

/** Timed formats first: they let the listener tap a line to play from it. */
const PREFERENCE: TranscriptFormat[] = ['json', 'vtt', 'srt', 'html', 'text'];

/** The most useful of an episode's transcripts, or null when it has none. */
export function pickTranscript(transcripts: readonly Transcript[]): Transcript | null {
  let best: Transcript | null = null;
  let rank = Infinity;
  for (const t of transcripts) {
    const r = PREFERENCE.indexOf(transcriptFormat(t.type, t.url));
    if (r < rank) {
      best = t;
      rank = r;
    }
  }
  return best;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function cleanText(text: string): string {
  const plain = decodeEntities(text.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > MAX_CUE_TEXT ? plain.slice(0, MAX_CUE_TEXT) : plain;
}

/** `01:02:03.456`, `02:03.456`, `01:02:03,456` (SRT) → seconds; null when malformed. */
export function parseCueTime(text: string): number | null {
  const m = /^(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + (m[4] ? Number(m[4].padEnd(3, '0')) / 1000 : 0);
}

const TIMING = /^\s*(\S+)\s+-->\s+(\S+)/;
/** "Ada Lovelace: …" or "[Ada Lovelace] …": up to four capitalised words, so "Note: …" prose is rare to catch. */
const SPEAKER_PREFIX = /^(?:(\p{Lu}[\p{L}.'’-]*(?: \p{L}[\p{L}.'’-]*){0,3}):|\[(\p{Lu}[^\]]{0,60})\])\s+/u;

/** WebVTT and SRT share a shape: blocks of (id?) timing line + text lines, split by blank lines. */
function parseBlocks(body: string, namePrefixes: boolean): Cue[] {
  const cues: Cue[] = [];
  for (const block of body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = block.split('\n');
    const at = lines.findIndex((l) => TIMING.test(l));
    if (at < 0 || at > 1) continue;
    const [, from, to] = TIMING.exec(lines[at])!;
    const start = parseCueTime(from);
    if (start === null) continue;
    const end = parseCueTime(to);
    const raw = lines.slice(at + 1).join('\n');
    const voice = /<v(?:\.[^\s>]*)?\s+([^>]+)>/.exec(raw);
    let text = cleanText(raw);
    let speaker = voice ? cleanText(voice[1]).slice(0, MAX_SPEAKER) || null : null;
    if (!speaker && namePrefixes) {
      // SRT has no voice tags; captioners write "Name: words" (or "[Name] words") instead.
      const named = SPEAKER_PREFIX.exec(text);
      if (named && named[0].length < text.length) {
        speaker = (named[1] ?? named[2]).slice(0, MAX_SPEAKER);
        text = text.slice(named[0].length);
      }
    }
    if (!text) continue;
    cues.push({ start, end: end !== null && end >= start ? end : null, speaker, text });
    if (cues.length >= MAX_CUES) break;
  }
  return cues.sort((a, b) => a.start - b.start);
}

function parseJson(body: string): Cue[] {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    throw new TranscriptError('The transcript is not valid JSON.');
  }
  const segments = (doc as { segments?: unknown } | null)?.segments;
  if (!Array.isArray(segments)) throw new TranscriptError('The JSON transcript has no segments.');
  const cues: Cue[] = [];
  for (const s of segments.slice(0, MAX_CUES)) {
    if (typeof s !== 'object' || s === null) continue;
    const { startTime, endTime, body: text, speaker } = s as Record<string, unknown>;
    const start = typeof startTime === 'number' ? startTime : typeof startTime === 'string' ? Number(startTime) : NaN;
    if (!Number.isFinite(start) || start < 0 || typeof text !== 'string') continue;
    const end = typeof endTime === 'number' && Number.isFinite(endTime) && endTime >= start ? endTime : null;
    const clean = cleanText(text);
    if (!clean) continue;
    cues.push({ start, end, speaker: typeof speaker === 'string' && speaker.trim() ? cleanText(speaker).slice(0, MAX_SPEAKER) : null, text: clean });
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** Reads a fetched transcript. Throws `TranscriptError` when a timed format has no usable cue. */
export function parseTranscript(body: string, format: TranscriptFormat): TranscriptDoc {
  const text = body.replace(/^\uFEFF/, '');
  switch (format) {
    case 'json': {
      const cues = parseJson(text);
      if (cues.length === 0) throw new TranscriptError('The transcript has no lines.');
      return { kind: 'cues', cues };
    }
    case 'vtt':
    case 'srt': {
      const cues = parseBlocks(text, format === 'srt');
      if (cues.length > 0) return { kind: 'cues', cues };
      // Hosts mislabel: a "VTT" that is really prose is still worth reading.
      const prose = text.replace(/^WEBVTT[^\n]*/, '').trim();
      if (prose && !TIMING.test(prose)) return { kind: 'text', text: prose };
      throw new TranscriptError('The transcript has no lines.');
    }
    case 'html':
      return { kind: 'html', html: text };
    case 'text':
      return { kind: 'text', text: text.trim() };
  }
}

export interface CueGroup {
  speaker: string | null;
  start: number;
  cues: Cue[];
}

/** Silence longer than this between two lines starts a new paragraph. */
const PAUSE_SECONDS = 5;

/** Cues grouped into readable paragraphs: a new one per speaker turn, after a pause, or every `maxSeconds`. */
export function groupCues(cues: readonly Cue[], maxSeconds = 45): CueGroup[] {
  const groups: CueGroup[] = [];
  for (const cue of cues) {
    const last = groups[groups.length - 1];
    const previous = last?.cues[last.cues.length - 1];
    const sameSpeaker = last && (cue.speaker === null || cue.speaker === last.speaker);
    const paused = previous?.end != null && cue.start - previous.end > PAUSE_SECONDS;
    if (last && sameSpeaker && !paused && cue.start - last.start < maxSeconds) last.cues.push(cue);
    else groups.push({ speaker: cue.speaker ?? last?.speaker ?? null, start: cue.start, cues: [cue] });
  }
  return groups;
}

/** Index of the cue playing at `time`, or -1. */
export function cueIndexAt(cues: readonly Cue[], time: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid].start <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return -1;
  const end = cues[found].end;
  return end === null || time < end ? found : -1;
}
