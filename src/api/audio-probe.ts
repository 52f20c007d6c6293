/**
 * Asks this server's audio proxy what the enclosure's host answers (one byte of it), so a failed
 * playback can say "not found" instead of the browser's uniform "format error".
 */
export type ProbeResult = { reachable: true; type: string | null } | { reachable: false; message: string };

export const PROBE_TIMEOUT_MS = 10_000;

export function proxiedAudioUrl(url: string): string {
  return `/api/audio?url=${encodeURIComponent(url)}`;
}

export async function probeAudio(url: string): Promise<ProbeResult> {
  let response: Response;
  try {
    response = await fetch(proxiedAudioUrl(url), { headers: { Range: 'bytes=0-0' }, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  } catch {
    return { reachable: false, message: 'The audio host could not be reached.' };
  }
  if (response.ok) {
    await response.body?.cancel();
    return { reachable: true, type: response.headers.get('content-type') };
  }
  let message = `The audio host answered HTTP ${response.status}.`;
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string' && body.message) message = body.message.endsWith('.') ? body.message : `${body.message}.`;
  } catch {
    // Keep the status-only message.
  }
  return { reachable: false, message };
}
