/**
 * Fetches a `podcast:transcript` document through this server's `/api/feed?url=` proxy: transcript
 * hosts rarely send CORS headers, and the proxy's SSRF guard and size cap apply to them as well.
 */
import { parseTranscript, transcriptFormat, TranscriptError, type TranscriptDoc } from '../core/transcripts';
import type { Transcript } from '../core/types';
import { feedProxyUrl } from './feed-client';
import { request } from './http';

export const TRANSCRIPT_TIMEOUT_MS = 20_000;
/** An hour of speech is ~60 KB of text; VTT with timings a few times that. */
export const MAX_TRANSCRIPT_CHARS = 5 * 1024 * 1024;

export async function fetchTranscript(transcript: Transcript, signal?: AbortSignal): Promise<TranscriptDoc> {
  let url: URL;
  try {
    url = new URL(transcript.url);
  } catch {
    throw new TranscriptError('The transcript link is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TranscriptError('The transcript link is not a web address.');
  const format = transcriptFormat(transcript.type, url.href);
  const response = await request(feedProxyUrl(url.href, format === 'html'), {
    timeoutMs: TRANSCRIPT_TIMEOUT_MS,
    ...(signal ? { signal } : {}),
  });
  const body = await response.text();
  if (body.length > MAX_TRANSCRIPT_CHARS) throw new TranscriptError('The transcript is too large to show.');
  return parseTranscript(body, format);
}
