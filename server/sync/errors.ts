import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A request the sync API refuses, with the status, code and words the JSON error carries. */
export class SyncError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new SyncError(400, 'bad_request', message);
