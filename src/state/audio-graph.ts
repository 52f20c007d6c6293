/**
 * The volume boost's Web Audio stage for the one <audio> element: gain → compressor → soft limiter.
 *
 * Routing an element through Web Audio is one-way (createMediaElementSource cannot be undone) and
 * has two costs, so it happens only when a show with boost on first plays:
 * - Cross-origin audio without CORS reads as zeros through the graph, i.e. plays silent. Once the
 *   graph exists, every source the player loads goes through `sameOriginSource`: offline copies
 *   (/offline-audio/) and the proxy (/api/audio) are same-origin, any other URL is sent via the proxy.
 * - iOS suspends an AudioContext when the page is hidden, which would silence background playback;
 *   shows without boost never touch Web Audio, and skip silence does not need it (it works from a
 *   silence map computed in a worker, see silence-skip.ts).
 */
import { signal } from '@preact/signals';
import { BOOST_DB, dbToGain, POST_TRIM_DB, softClipCurve } from '../core/gain-curve';
import { proxiedAudioUrl } from '../api/audio-probe';

interface Graph {
  ctx: AudioContext;
  source: MediaElementAudioSourceNode;
  chain: AudioNode;
  last: AudioNode;
}

let graph: Graph | null = null;
/** Whether the boost stage is in the signal path now. */
export const boostActive = signal(false);

function build(el: HTMLAudioElement): Graph {
  const ctx = new AudioContext({ latencyHint: 'playback' });
  const source = ctx.createMediaElementSource(el);
  const gain = ctx.createGain();
  gain.gain.value = dbToGain(BOOST_DB);
  // Evens out loud and quiet voices: the boosted quiet parts stay up, the loud ones are pulled down.
  const compressor = ctx.createDynamicsCompressor();
  compressor.threshold.value = -24;
  compressor.knee.value = 10;
  compressor.ratio.value = 4;
  compressor.attack.value = 0.003;
  compressor.release.value = 0.25;
  // Whatever the compressor lets through above the knee is eased below 0.98, so nothing ever clips.
  const limiter = ctx.createWaveShaper();
  limiter.curve = softClipCurve();
  // No oversampling: its resampling filter rings past the curve's ceiling (measured: peaks of 1.004
  // with '2x' on speech at −2 dBFS), which is the clipping this stage exists to prevent.
  limiter.oversample = 'none';
  // The compressor's automatic makeup gain (~+10 dB here) plus the pre-gain would drive loud speech
  // deep into the limiter (measured: peaks pinned at the ceiling); this trim keeps it mostly linear.
  const trim = ctx.createGain();
  trim.gain.value = dbToGain(POST_TRIM_DB);
  gain.connect(compressor).connect(trim).connect(limiter).connect(ctx.destination);
  return { ctx, source, chain: gain, last: limiter };
}

/** Puts the boost in or out of the path. Returns true when the graph was created just now. */
export function setBoost(el: HTMLAudioElement, on: boolean): boolean {
  if (!on && !graph) return false;
  const created = !graph;
  if (!graph) graph = build(el);
  const { ctx, source, chain } = graph;
  source.disconnect();
  source.connect(on ? chain : ctx.destination);
  boostActive.value = on;
  if (on) void ctx.resume().catch(() => undefined);
  return created;
}

/** Called when playback starts: a context created without a gesture starts suspended. */
export function resumeGraph(): void {
  if (graph && graph.ctx.state !== 'running') void graph.ctx.resume().catch(() => undefined);
}

function isSameOrigin(url: string): boolean {
  try {
    return new URL(url, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

/** The URL to load: unchanged until the graph exists, then never a cross-origin one (it would play silent). */
export function sameOriginSource(url: string): string {
  return graph && !isSameOrigin(url) ? proxiedAudioUrl(url) : url;
}

/** Whether the element's current source must be reloaded to be heard through the graph. */
export function needsSameOriginReload(currentSrc: string): boolean {
  return graph !== null && currentSrc !== '' && !isSameOrigin(currentSrc);
}
