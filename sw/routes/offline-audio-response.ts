// No workbox import here: this part runs unchanged in Node unit tests.
import { buildRangeAnswer } from '../../src/core/byte-range';
import { getDownload } from '../../src/db/downloads';
import { readSpan } from '../../src/db/chunks';

/** Same-origin path the player loads stored episodes from; the page builds it in src/downloads/playback-url.ts. */
export const OFFLINE_AUDIO_PREFIX = '/offline-audio/';

/** Content type of a stored episode: the server's, else one guessed from the file name. */
export function audioTypeOf(type: string | null, url: string): string {
  if (type && /^(audio|video)\//i.test(type)) return type;
  const path = url.split(/[?#]/)[0].toLowerCase();
  if (path.endsWith('.m4a') || path.endsWith('.mp4') || path.endsWith('.m4b')) return 'audio/mp4';
  if (path.endsWith('.aac')) return 'audio/aac';
  if (path.endsWith('.ogg') || path.endsWith('.oga') || path.endsWith('.opus')) return 'audio/ogg';
  if (path.endsWith('.wav')) return 'audio/wav';
  if (path.endsWith('.flac')) return 'audio/flac';
  return 'audio/mpeg';
}

function notStored(message: string, status = 404): Response {
  return new Response(JSON.stringify({ error: 'not_downloaded', message }), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
}

/**
 * Answers `/offline-audio/<episodeId>` from the stored chunks: 206 for every Range (Safari
 * refuses a 200 to a range request), 416 for an impossible one, 200 without a Range header.
 * The body is a Blob assembled from chunk Blobs, so the file is never read into memory here.
 */
export async function answerOfflineAudio(request: Request): Promise<Response> {
  const raw = new URL(request.url).pathname.slice(OFFLINE_AUDIO_PREFIX.length);
  let episodeId: string;
  try {
    episodeId = decodeURIComponent(raw);
  } catch {
    return notStored('Malformed episode id.', 400);
  }
  const record = await getDownload(episodeId);
  if (!record || record.status !== 'complete' || record.total === null) {
    return notStored('This episode is not downloaded.');
  }
  const type = audioTypeOf(record.type, record.finalUrl ?? record.sourceUrl);
  const answer = buildRangeAnswer(request.headers.get('Range'), record.total, type);
  const headers = new Headers({ ...answer.headers, 'Cache-Control': 'no-store' });
  if (!answer.span) return new Response(null, { status: answer.status, headers });
  const body = await readSpan(episodeId, answer.span, type);
  if (!body) return notStored('The stored copy of this episode is damaged: download it again.', 500);
  return new Response(request.method === 'HEAD' ? null : body, { status: answer.status, headers });
}
