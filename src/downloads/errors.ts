import { QUOTA_MESSAGE } from '../core/download-shared';

/**
 * Why a download stopped. `retry` errors (dropped connection, host busy) are resumed
 * automatically; the others end the download with `message` shown on its row.
 */
export type DownloadErrorKind = 'network' | 'http' | 'integrity' | 'quota' | 'cancelled';

export class DownloadError extends Error {
  constructor(
    readonly kind: DownloadErrorKind,
    message: string,
    readonly retry = false,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

export function quotaError(): DownloadError {
  return new DownloadError('quota', QUOTA_MESSAGE);
}

export function isQuotaError(err: unknown): boolean {
  return (err instanceof DOMException && err.name === 'QuotaExceededError') || (err instanceof DownloadError && err.kind === 'quota');
}

export function isAbortError(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

/** What the user reads for an error the downloader did not classify itself. */
export function describeError(err: unknown): string {
  if (err instanceof DownloadError) return err.message;
  if (isQuotaError(err)) return QUOTA_MESSAGE;
  if (err instanceof TypeError) return 'The network failed while downloading.';
  return err instanceof Error ? err.message : String(err);
}
