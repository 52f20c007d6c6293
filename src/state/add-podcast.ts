/**
 * The one Add box: an address is subscribed to (https first, then http when no scheme was typed
 * and the secure connection failed), words are looked up in the directories.
 */
import { readAddInput } from '../core/library/add-input';
import { isHttpError } from '../api/http';
import { findPodcasts, type DirectoryResult } from './directory-search';
import { subscribe, SubscribeError, type Subscribed } from './subscribe';

export type AddOutcome = { kind: 'subscribed'; result: Subscribed } | { kind: 'found'; query: string; results: DirectoryResult[] };

/** Proxy answers that say the connection itself failed: worth one more try over plain http. */
const CONNECTION_CODES = new Set(['tls_error', 'connection_refused', 'connection_lost', 'connect_timeout', 'timeout', 'upstream_error']);

function isConnectionFailure(err: unknown): boolean {
  return isHttpError(err) && CONNECTION_CODES.has(err.code);
}

export async function addFromInput(input: string, signal?: AbortSignal): Promise<AddOutcome> {
  const read = readAddInput(input);
  if (read.kind === 'invalid') throw new SubscribeError(read.message);
  if (read.kind === 'words') {
    const answer = await findPodcasts(read.query, signal);
    if (!answer.ok) throw new SubscribeError(`Searching the podcast directories failed: ${answer.message}. Try again, or paste the show’s feed address.`);
    return { kind: 'found', query: read.query, results: answer.results };
  }
  let first: unknown = null;
  for (const url of read.candidates) {
    try {
      return { kind: 'subscribed', result: await subscribe(url) };
    } catch (err) {
      first ??= err;
      if (!isConnectionFailure(err)) throw err;
    }
  }
  throw first;
}
