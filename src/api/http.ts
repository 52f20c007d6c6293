/**
 * fetch with a deadline and errors people can read: every failure becomes an `HttpError`
 * carrying the status and, when this server answered, its JSON `{error, message}`.
 */

export const DEFAULT_TIMEOUT_MS = 30_000;

export type HttpErrorCode = 'network' | 'timeout' | 'aborted' | 'bad_response' | (string & {});

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    /** HTTP status of this server's answer; 0 when none arrived. */
    readonly status: number,
    readonly code: HttpErrorCode,
    message: string,
    /** What the podcast host answered, when the proxy says so (`X-Upstream-Status`). */
    readonly upstreamStatus: number | null = null,
  ) {
    super(message);
  }
}

export function isHttpError(err: unknown): err is HttpError {
  return err instanceof HttpError;
}

export interface RequestOptions extends Omit<RequestInit, 'signal'> {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Statuses other than 2xx that are answers, not failures (304 for conditional GET). */
  accept?: number[];
}

async function errorFrom(response: Response): Promise<HttpError> {
  const upstream = Number(response.headers.get('x-upstream-status'));
  const upstreamStatus = Number.isInteger(upstream) && upstream > 0 ? upstream : null;
  let code = `http_${response.status}`;
  let message = `The server answered ${response.status}${response.statusText ? ` (${response.statusText})` : ''}`;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      const body = (await response.json()) as { error?: unknown; message?: unknown };
      if (typeof body.error === 'string' && body.error) code = body.error;
      if (typeof body.message === 'string' && body.message) message = body.message.slice(0, 500);
    } catch {
      // A broken JSON error body: the status line says enough.
    }
  } else {
    void response.body?.cancel();
  }
  return new HttpError(response.status, code, message, upstreamStatus);
}

/** `fetch` that rejects with `HttpError` on network failure, timeout and non-2xx answers. */
export async function request(url: string, options: RequestOptions = {}): Promise<Response> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, accept = [], signal, ...init } = options;
  const deadline = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: combined });
  } catch {
    if (signal?.aborted) throw new HttpError(0, 'aborted', 'Cancelled');
    if (deadline.aborted) throw new HttpError(0, 'timeout', `No answer within ${Math.round(timeoutMs / 1000)} s`);
    throw new HttpError(0, 'network', navigatorOffline() ? "You're offline" : 'Could not reach the Hopcast server', null);
  }
  if (response.ok || accept.includes(response.status)) return response;
  throw await errorFrom(response);
}

export async function getJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  // Headers, not a spread: the caller's headers may be a Headers object or a list of pairs.
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const response = await request(url, { ...options, headers });
  try {
    return (await response.json()) as T;
  } catch {
    throw new HttpError(response.status, 'bad_response', 'The server sent an answer that is not JSON');
  }
}

function navigatorOffline(): boolean {
  return typeof navigator !== 'undefined' && !navigator.onLine;
}
