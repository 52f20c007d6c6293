import { describe, expect, test } from 'vitest';
import { downmix, SilenceDetector, type Gap } from '../../../src/core/silence/detector';
import { skipDecision, skipPlans, STRENGTHS } from '../../../src/core/silence/strengths';

const RATE = 22050;

/** Deterministic noise (so a failure reproduces), amplitude `amp` peak. */
function noise(seconds: number, amp: number, seed = 1): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  let x = seed;
  for (let i = 0; i < out.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = ((x / 0x7fffffff) * 2 - 1) * amp;
  }
  return out;
}

/** Speech stand-in: a 180 Hz tone with a syllable envelope (4 Hz) that dips but never to silence. */
function speech(seconds: number, amp = 0.4): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    out[i] = amp * (0.25 + 0.75 * Math.abs(Math.sin(Math.PI * 4 * t))) * Math.sin(2 * Math.PI * 180 * t);
  }
  return out;
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Feeds the signal in uneven blocks, as a decoder hands them over. */
function detect(signal: Float32Array, options = { thresholdDb: -40, minSilence: 0.5 }, block = 1152): Gap[] {
  const d = new SilenceDetector({ sampleRate: RATE, ...options });
  const out: Gap[] = [];
  for (let i = 0; i < signal.length; i += block) {
    d.push(signal.subarray(i, i + block));
    out.push(...d.take());
  }
  return out.concat(d.finish());
}

const FLOOR = 0.001; // −60 dBFS, a quiet room

describe('silence detector on generated PCM', () => {
  test('finds each gap between speech to within one 10 ms window', () => {
    const signal = concat([speech(2), noise(3, FLOOR), speech(1.5), noise(2.5, FLOOR, 7), speech(1)]);
    const gaps = detect(signal);
    expect(gaps).toHaveLength(2);
    expect(gaps[0].start).toBeCloseTo(2, 1);
    expect(gaps[0].end).toBeCloseTo(5, 1);
    expect(gaps[1].start).toBeCloseTo(6.5, 1);
    expect(gaps[1].end).toBeCloseTo(9, 1);
    for (const g of gaps) {
      expect(Math.abs(g.start - Math.round(g.start * 2) / 2)).toBeLessThanOrEqual(0.011);
      expect(Math.abs(g.end - Math.round(g.end * 2) / 2)).toBeLessThanOrEqual(0.011);
    }
  });

  test('block size does not change the answer', () => {
    const signal = concat([speech(1), noise(1.2, FLOOR), speech(1)]);
    expect(detect(signal, undefined, 1)).toEqual(detect(signal, undefined, 100_000));
    expect(detect(signal, undefined, 441)).toEqual(detect(signal, undefined, 4096));
  });

  test('pauses shorter than the minimum are not gaps', () => {
    const signal = concat([speech(1), noise(0.3, FLOOR), speech(1), noise(0.49, FLOOR), speech(1)]);
    expect(detect(signal)).toEqual([]);
  });

  test('the threshold decides: room tone at −30 dBFS is silence only for a −25 dB threshold', () => {
    const room = noise(2, 0.05); // RMS ≈ 0.029 → about −31 dBFS
    const signal = concat([speech(1), room, speech(1)]);
    expect(detect(signal, { thresholdDb: -40, minSilence: 0.5 })).toEqual([]);
    expect(detect(signal, { thresholdDb: -25, minSilence: 0.5 })).toHaveLength(1);
  });

  test('quiet speech is never skipped, even at the strongest setting', () => {
    // Speech peaking at −26 dBFS whose syllable dips fall below the strong threshold at its edges.
    const signal = concat([speech(3, 0.05), noise(1, FLOOR), speech(3, 0.05)]);
    const gaps = detect(signal, { thresholdDb: STRENGTHS.strong.thresholdDb, minSilence: STRENGTHS.strong.minSilence });
    expect(gaps).toHaveLength(1);
    const [plan] = skipPlans(gaps, STRENGTHS.strong);
    // The kept edges cover the quiet tail and onset: the jump stays inside the true silence (3–4 s).
    expect(plan.from).toBeGreaterThanOrEqual(3);
    expect(plan.to).toBeLessThanOrEqual(4);
    expect(plan.to - plan.from).toBeGreaterThan(0.8);
  });

  test('leading and trailing silence count; digital zero too', () => {
    const signal = concat([new Float32Array(RATE), speech(1), new Float32Array(RATE * 2)]);
    const gaps = detect(signal);
    expect(gaps).toHaveLength(2);
    const edges = gaps.flatMap((g) => [g.start, g.end]);
    [0, 1, 2, 4].forEach((want, i) => expect(Math.abs(edges[i] - want)).toBeLessThanOrEqual(0.011));
  });

  test('rejects nonsense options', () => {
    expect(() => new SilenceDetector({ sampleRate: 0, thresholdDb: -40, minSilence: 0.5 })).toThrow(RangeError);
    expect(() => new SilenceDetector({ sampleRate: RATE, thresholdDb: 3, minSilence: 0.5 })).toThrow(RangeError);
  });

  test('downmix averages channels (silence on one side is not silence)', () => {
    const left = speech(0.5);
    const right = new Float32Array(left.length);
    expect(detect(downmix([left, right]))).toEqual([]);
    expect(downmix([left])).toBe(left);
  });
});

describe('where skips land', () => {
  const gaps: Gap[] = [
    { start: 2, end: 5 },
    { start: 6.5, end: 6.8 },
    { start: 9, end: 12 },
  ];

  test('each strength keeps silence at both edges and drops gaps shorter than its minimum', () => {
    const plans = skipPlans(gaps, STRENGTHS.medium);
    expect(plans).toEqual([
      { from: 2.1, to: 4.9 },
      { from: 9.1, to: 11.9 },
    ]);
    // Strong also takes the 0.3 s pause (its minimum is 0.25 s).
    expect(skipPlans(gaps, STRENGTHS.strong)).toHaveLength(3);
    expect(skipPlans(gaps, STRENGTHS.mild).every((p) => p.from > 2 && p.to < 12)).toBe(true);
  });

  test('decisions: wait until a gap, skip inside it, never skip again just short of a landing point', () => {
    const plans = skipPlans(gaps, STRENGTHS.medium);
    expect(skipDecision(plans, 1)).toEqual({ kind: 'wait', seconds: 1.1 });
    expect(skipDecision(plans, 3)).toEqual({ kind: 'skip', plan: plans[0] });
    // A seek that lands 30 ms short of 4.9 is the same skip, done: wait for the next gap.
    const after = skipDecision(plans, 4.87);
    expect(after.kind).toBe('wait');
    expect(after.kind === 'wait' && after.seconds).toBeCloseTo(9.1 - 4.87, 5);
    expect(skipDecision(plans, 13)).toEqual({ kind: 'wait', seconds: Infinity });
  });
});
