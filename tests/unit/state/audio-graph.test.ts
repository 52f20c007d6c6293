import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

/**
 * The volume boost's Web Audio stage against a pretend AudioContext that records what is connected
 * to what, so the signal path can be followed from the element to the speakers.
 */
class FakeNode {
  readonly outputs: FakeNode[] = [];
  constructor(readonly kind: string) {}
  connect<T extends FakeNode>(to: T): T {
    this.outputs.push(to);
    return to;
  }
  disconnect(): void {
    this.outputs.length = 0;
  }
}
const param = (value = 0) => ({ value });

class FakeContext {
  static made: FakeContext[] = [];
  state: 'suspended' | 'running' = 'suspended';
  resumes = 0;
  failResume = false;
  readonly destination = new FakeNode('destination');
  readonly sources: Array<{ el: unknown; node: FakeNode }> = [];
  constructor(readonly options: unknown) {
    FakeContext.made.push(this);
  }
  createMediaElementSource(el: unknown) {
    if (this.sources.some((s) => s.el === el)) throw new DOMException('already connected', 'InvalidStateError');
    const node = new FakeNode('source');
    this.sources.push({ el, node });
    return node;
  }
  createGain() {
    return Object.assign(new FakeNode('gain'), { gain: param(1) });
  }
  createDynamicsCompressor() {
    return Object.assign(new FakeNode('compressor'), { threshold: param(), knee: param(), ratio: param(), attack: param(), release: param() });
  }
  createWaveShaper() {
    return Object.assign(new FakeNode('limiter'), { curve: null as Float32Array | null, oversample: '4x' });
  }
  resume(): Promise<void> {
    this.resumes++;
    if (this.failResume) return Promise.reject(new DOMException('not allowed', 'NotAllowedError'));
    this.state = 'running';
    return Promise.resolve();
  }
}

/** The chain of node kinds from `node` to the end (the graph is a line). */
function path(node: FakeNode): string[] {
  const out = [node.kind];
  let at = node;
  while (at.outputs.length > 0) {
    expect(at.outputs).toHaveLength(1);
    at = at.outputs[0];
    out.push(at.kind);
  }
  return out;
}
function stage(ctx: FakeContext, kind: string) {
  let at: FakeNode = ctx.sources[0].node;
  while (at.kind !== kind) at = at.outputs[0];
  return at as FakeNode & Record<string, unknown>;
}

type Module = typeof import('../../../src/state/audio-graph');
let m: Module;
const el = {} as HTMLAudioElement;

beforeEach(async () => {
  FakeContext.made = [];
  vi.stubGlobal('AudioContext', FakeContext);
  vi.stubGlobal('location', { href: 'https://app.example/show/1', origin: 'https://app.example' });
  // The graph is made once per page: each test is a new page.
  vi.resetModules();
  m = await import('../../../src/state/audio-graph');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const REMOTE = 'https://cdn.example/ep.mp3';

describe('volume boost stage', () => {
  test('nothing touches Web Audio until a show with boost plays', () => {
    expect(m.setBoost(el, false)).toBe(false);
    expect(FakeContext.made).toEqual([]);
    expect(m.boostActive.value).toBe(false);
    m.resumeGraph();
    // Before the graph exists, sources load as they are (cross-origin is fine without Web Audio).
    expect(m.sameOriginSource(REMOTE)).toBe(REMOTE);
    expect(m.needsSameOriginReload(REMOTE)).toBe(false);
  });

  test('boost on routes the element through gain, compressor, trim and limiter to the speakers', async () => {
    expect(m.setBoost(el, true)).toBe(true);
    const [ctx] = FakeContext.made;
    expect(ctx.options).toEqual({ latencyHint: 'playback' });
    expect(path(ctx.sources[0].node)).toEqual(['source', 'gain', 'compressor', 'gain', 'limiter', 'destination']);
    expect(m.boostActive.value).toBe(true);
    // A context made outside a gesture starts suspended: turning boost on asks for it to run.
    expect(ctx.resumes).toBe(1);
    await vi.waitFor(() => expect(ctx.state).toBe('running'));

    const pre = stage(ctx, 'gain') as unknown as { gain: { value: number } };
    expect(pre.gain.value).toBeGreaterThan(1);
    const limiter = stage(ctx, 'limiter') as unknown as { curve: Float32Array; oversample: string };
    // Nothing leaves the limiter at full scale, and no oversampling ringing past its ceiling.
    expect(Math.max(...limiter.curve.map(Math.abs))).toBeLessThan(1);
    expect(limiter.oversample).toBe('none');
  });

  test('boost off keeps the graph (it cannot be undone) but bypasses the stage; on again reuses it', () => {
    m.setBoost(el, true);
    expect(m.setBoost(el, false)).toBe(false);
    const [ctx] = FakeContext.made;
    expect(path(ctx.sources[0].node)).toEqual(['source', 'destination']);
    expect(m.boostActive.value).toBe(false);
    expect(m.setBoost(el, true)).toBe(false);
    expect(FakeContext.made).toHaveLength(1);
    expect(path(ctx.sources[0].node)).toEqual(['source', 'gain', 'compressor', 'gain', 'limiter', 'destination']);
  });

  test('once the graph exists, cross-origin audio goes through the proxy so it is not heard as silence', () => {
    m.setBoost(el, true);
    expect(m.sameOriginSource(REMOTE)).toBe(`/api/audio?url=${encodeURIComponent(REMOTE)}`);
    expect(m.sameOriginSource('/offline-audio/ep')).toBe('/offline-audio/ep');
    expect(m.sameOriginSource('https://app.example/api/audio?url=x')).toBe('https://app.example/api/audio?url=x');
    expect(m.needsSameOriginReload(REMOTE)).toBe(true);
    expect(m.needsSameOriginReload('https://app.example/offline-audio/ep')).toBe(false);
    // Nothing loaded yet: nothing to reload.
    expect(m.needsSameOriginReload('')).toBe(false);
    // Still so with boost off: the element stays routed through the graph.
    m.setBoost(el, false);
    expect(m.needsSameOriginReload(REMOTE)).toBe(true);
  });

  test('playback resumes a suspended context, and a refused resume is not an error', async () => {
    m.setBoost(el, true);
    const [ctx] = FakeContext.made;
    await vi.waitFor(() => expect(ctx.state).toBe('running'));
    m.resumeGraph();
    expect(ctx.resumes).toBe(1);

    ctx.state = 'suspended'; // iOS suspends it when the page is hidden
    ctx.failResume = true;
    m.resumeGraph();
    expect(ctx.resumes).toBe(2);
    ctx.failResume = false;
    m.resumeGraph();
    await vi.waitFor(() => expect(ctx.state).toBe('running'));
  });
});
