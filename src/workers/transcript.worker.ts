/**
 * The transcript worker: tokenizes arriving transcripts into segments and answers searches over
 * them, so neither a 9,000-word transcript nor a query ever runs on the page's thread.
 */
import { handleTranscriptRequest, type TranscriptMessage, type TranscriptReply } from '../core/transcript-index/backend';
import { TranscriptIndex } from '../core/transcript-index/index';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: TranscriptMessage }) => void): void;
  postMessage(message: TranscriptReply): void;
}

const scope = self as unknown as WorkerScope;
const index = new TranscriptIndex();

scope.addEventListener('message', ({ data }) => {
  try {
    scope.postMessage({ id: data.id, ok: true, value: handleTranscriptRequest(index, data) });
  } catch (err) {
    scope.postMessage({ id: data.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
