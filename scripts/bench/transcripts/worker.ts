/**
 * The bench's stand-in for the transcript worker (a Node worker thread): the same core code as
 * src/workers/transcript.worker.ts, plus the MiniSearch per-cue store it is compared with, and
 * heap figures of this isolate alone.
 */
import { parentPort } from 'node:worker_threads';
import v8 from 'node:v8';
import vm from 'node:vm';
import MiniSearch from 'minisearch';
import { handleTranscriptRequest, type TranscriptRequest } from '../../../src/core/transcript-index/backend';
import { TranscriptIndex } from '../../../src/core/transcript-index/index';
import type { SegmentInput } from '../../../src/core/transcript-index/segment';
import { tokenize } from '../../../src/core/search/normalize';
import { indexable } from '../../../src/core/transcript-index/segment';

type Message =
  | { op: 'request'; request: TranscriptRequest }
  | { op: 'heap' }
  | { op: 'ms-add'; input: SegmentInput }
  | { op: 'ms-search'; query: string }
  | { op: 'ms-size' }
  | { op: 'time-search'; queries: string[] };

const index = new TranscriptIndex();
let mini: MiniSearch | null = null;

// Workers may not take --expose-gc; this flips it on for a fresh context and borrows its gc().
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  return v8.getHeapStatistics().used_heap_size / 1024 / 1024;
}

parentPort!.on('message', (msg: Message & { id: number }) => {
  let value: unknown;
  switch (msg.op) {
    case 'request':
      value = handleTranscriptRequest(index, msg.request);
      break;
    case 'heap':
      value = heapMb();
      break;
    case 'ms-add': {
      mini ??= new MiniSearch({ fields: ['text'], storeFields: ['e', 's'], tokenize, processTerm: (t) => (indexable(t) ? t : null) });
      const docs = msg.input.lines.map((l, i) => ({ id: `${msg.input.episodeId}#${i}`, text: l.text, e: msg.input.episodeId, s: l.start }));
      mini.addAll(docs);
      value = mini.documentCount;
      break;
    }
    case 'ms-search': {
      const t0 = performance.now();
      mini!.search(msg.query, { prefix: (t) => t.length >= 3, combineWith: 'AND' });
      value = performance.now() - t0;
      break;
    }
    case 'ms-size':
      value = JSON.stringify(mini).length;
      break;
    case 'time-search': {
      const times: number[] = [];
      for (const q of msg.queries) {
        const t0 = performance.now();
        index.search(q, {}, 50);
        times.push(performance.now() - t0);
      }
      value = times;
      break;
    }
  }
  parentPort!.postMessage({ id: msg.id, value });
});
