/**
 * The search worker: holds the episode index so loading (~250 ms for 10,000 episodes), building
 * (~600 ms) and serializing (~300 ms) never block the page. Requests run in arrival order.
 */
import { handleSearchRequest, type SearchMessage, type SearchReply } from '../core/search/backend';
import { SearchEngine } from '../core/search/engine';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: { data: SearchMessage }) => void): void;
  postMessage(message: SearchReply): void;
}

const scope = self as unknown as WorkerScope;
const engine = new SearchEngine();

scope.addEventListener('message', ({ data }) => {
  try {
    scope.postMessage({ id: data.id, ok: true, value: handleSearchRequest(engine, data) });
  } catch (err) {
    scope.postMessage({ id: data.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
