/**
 * The volume boost's last stage: a soft limiter curve for a WaveShaperNode. The gain and the
 * compressor before it keep most samples well inside ±1; this curve guarantees the rest never
 * clip, because tanh never reaches ±1 and the curve is scaled to stay below `ceiling`.
 */

/** Odd-length curve (so 0 maps exactly to 0) of `size` points over inputs −range..+range. */
export function softClipCurve(size = 2049, ceiling = 0.98, range = 4): Float32Array<ArrayBuffer> {
  const n = size % 2 === 1 ? size : size + 1;
  const curve = new Float32Array(n);
  const knee = 0.6 * ceiling;
  for (let i = 0; i < n; i++) {
    const x = ((i / (n - 1)) * 2 - 1) * range;
    const a = Math.abs(x);
    // Linear (untouched) below the knee; above it, tanh eases the rest into the space left below the ceiling.
    const y = a <= knee ? a : knee + (ceiling - knee) * Math.tanh((a - knee) / (ceiling - knee));
    curve[i] = Math.sign(x) * y;
  }
  return curve;
}

/**
 * Gain before the compressor, in dB. Small on purpose: Web Audio's DynamicsCompressorNode adds its
 * own makeup gain (about +10 dB with the settings in state/audio-graph.ts), so quiet speech ends up
 * louder while loud passages are compressed; levels are measured in tests/e2e/listening.test.ts.
 */
export const BOOST_DB = 3;
/** Gain after the compressor, taking back part of its makeup gain (net: quiet speech about +7 dB). */
export const POST_TRIM_DB = -6;

export function dbToGain(db: number): number {
  return 10 ** (db / 20);
}
