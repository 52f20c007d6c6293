/**
 * Fetches a `podcast:transcript` document through this server's `/api/feed?url=` proxy: transcript
 * hosts rarely send CORS headers, and the proxy's SSRF guard applies to them as well. The body is
 * read as a stream and cut at a cap, so a 50 MB "transcript" costs 5 MB and a clear message.
 */
import { checkTranscriptBody } from '../core/transcript-checks';
import { parseTranscript, transcriptFormat, TranscriptError, type TranscriptDoc, type TranscriptFormat } from '../core/transcripts';
import type { Transcript } from '../core/types';
import { feedProxyUrl } from './feed-client';
import { isHttpError, request } from './http';

export const TRANSCRIPT_TIMEOUT_MS = 20_000;
/** An hour of speech is ~60 KB of text; VTT with timings a few times that. */
export const MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024;

const TOO_LARGE = `The transcript is larger than ${MAX_TRANSCRIPT_BYTES / 1024 / 1024} MB, so it was not kept.`;

/** The host's own content type. The proxy may pass it through or move it to a header of its own. */
function upstreamType(headers: Headers): string | null {
  return headers.get('x-upstream-content-type') ?? headers.get('content-type');
}

async function readCapped(response: Response, cap: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > cap) {
    void response.body?.cancel();
    throw new TranscriptError(TOO_LARGE);
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      void reader.cancel();
      throw new TranscriptError(TOO_LARGE);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.byteLength;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

export interface FetchedTranscript {
  format: TranscriptFormat;
  doc: TranscriptDoc;
}

export async function fetchTranscriptDoc(transcript: Transcript, signal?: AbortSignal): Promise<FetchedTranscript> {
  let url: URL;
  try {
    url = new URL(transcript.url);
  } catch {
    throw new TranscriptError('The transcript link is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TranscriptError('The transcript link is not a web address.');
  const format = transcriptFormat(transcript.type, url.href);
  let response: Response;
  try {
    response = await request(feedProxyUrl(url.href, format === 'html'), { timeoutMs: TRANSCRIPT_TIMEOUT_MS, ...(signal ? { signal } : {}) });
  } catch (err) {
    if (isHttpError(err) && err.code === 'too_large') throw new TranscriptError(TOO_LARGE);
    if (isHttpError(err) && err.code === 'not_a_feed') throw new TranscriptError('The transcript link returned a web page, not a transcript.');
    throw err;
  }
  const body = await readCapped(response, MAX_TRANSCRIPT_BYTES);
  checkTranscriptBody(body.slice(0, 2048), format, upstreamType(response.headers));
  return { format, doc: parseTranscript(body, format) };
}

export async function fetchTranscript(transcript: Transcript, signal?: AbortSignal): Promise<TranscriptDoc> {
  return (await fetchTranscriptDoc(transcript, signal)).doc;
}
