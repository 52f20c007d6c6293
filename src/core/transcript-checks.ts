/**
 * Checks a fetched transcript body before it is parsed: hosts send web pages, binaries and the
 * wrong type under a transcript link. Each failure is a sentence the Episode page can show.
 */
import { TranscriptError, type TranscriptFormat } from './transcripts';

const FORMAT_NAMES: Record<TranscriptFormat, string> = { json: 'JSON', vtt: 'WebVTT', srt: 'SRT', html: 'HTML', text: 'text' };

const HTML_PAGE = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;

/**
 * Content types no transcript ever has. Not octet-stream: plenty of hosts send transcripts so, and
 * the NUL check below catches real binaries; not every `x-` type either (application/x-subrip).
 */
const NOT_TEXT = /^(?:audio|video|image|font)\/|^application\/(?:pdf|zip|gzip|x-zip-compressed|x-gzip|x-tar|x-7z-compressed)$/i;

/**
 * Refuses a body that cannot be the declared format; `contentType` is what the host sent
 * (possibly null when a proxy hides it).
 */
export function checkTranscriptBody(head: string, format: TranscriptFormat, contentType: string | null): void {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type && NOT_TEXT.test(type)) throw new TranscriptError(`The transcript link returned ${type}, not a ${FORMAT_NAMES[format]} transcript.`);
  if (head.includes('\u0000')) throw new TranscriptError(`The transcript link returned binary data, not a ${FORMAT_NAMES[format]} transcript.`);
  if (format !== 'html' && HTML_PAGE.test(head.replace(/^\uFEFF/, ''))) {
    throw new TranscriptError(`The transcript link returned a web page, not a ${FORMAT_NAMES[format]} transcript.`);
  }
  if (format === 'vtt' && !/^\uFEFF?WEBVTT/.test(head) && !/-->/.test(head)) {
    throw new TranscriptError('The transcript is labelled WebVTT but has no WEBVTT header and no timed lines.');
  }
}
