/**
 * Skip-silence strengths and the rule for where a skip lands. References: ExoPlayer/AntennaPod
 * treat below about −30 dBFS for 150–300 ms as silence; Pocket Casts about −42 dBFS for 83–416 ms.
 * Each strength keeps some silence at both edges so the soft start and end of a word (which sit
 * near the threshold) are never cut, and so the cut never sounds like a splice.
 */
import type { Gap } from './detector';

export type SilenceStrength = 'off' | 'mild' | 'medium' | 'strong';

export interface StrengthPreset {
  label: string;
  thresholdDb: number;
  /** Seconds of quiet before it is worth skipping. */
  minSilence: number;
  /** Seconds of silence left before the skip (after the last word)… */
  keepBefore: number;
  /** …and after it (before the next word). */
  keepAfter: number;
}

export const STRENGTHS: Record<Exclude<SilenceStrength, 'off'>, StrengthPreset> = {
  // Only long, truly quiet pauses; they are shortened, not removed.
  mild: { label: 'Mild', thresholdDb: -45, minSilence: 1.0, keepBefore: 0.3, keepAfter: 0.25 },
  medium: { label: 'Medium', thresholdDb: -40, minSilence: 0.5, keepBefore: 0.1, keepAfter: 0.1 },
  // Close to ExoPlayer's defaults: near-silences between sentences go too.
  strong: { label: 'Strong', thresholdDb: -35, minSilence: 0.25, keepBefore: 0.06, keepAfter: 0.06 },
};

export const STRENGTH_ORDER: readonly SilenceStrength[] = ['off', 'mild', 'medium', 'strong'];

export function isStrength(value: unknown): value is SilenceStrength {
  return typeof value === 'string' && (STRENGTH_ORDER as readonly string[]).includes(value);
}

/** A jump shorter than this costs more (a seek, a glitch) than it saves. */
export const MIN_SKIP_SECONDS = 0.15;

export interface SkipPlan {
  /** Where the skip starts (seconds) and where it lands. */
  from: number;
  to: number;
}

/** The skippable part of each gap under a preset; gaps too short to be worth it are dropped. */
export function skipPlans(gaps: readonly Gap[], preset: StrengthPreset): SkipPlan[] {
  const out: SkipPlan[] = [];
  for (const g of gaps) {
    if (g.end - g.start < preset.minSilence) continue;
    const from = g.start + preset.keepBefore;
    const to = g.end - preset.keepAfter;
    if (to - from >= MIN_SKIP_SECONDS) out.push({ from, to });
  }
  return out;
}

/** Index of the first plan whose landing point is after `t` (binary search; plans are sorted). */
export function nextPlanIndex(plans: readonly SkipPlan[], t: number): number {
  let lo = 0;
  let hi = plans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (plans[mid].to <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What to do at media time `t`: `skip` when inside a skippable stretch (land on `to`), else the
 * seconds of media until the next one starts (`Infinity` when none is known), for a timer.
 */
export function skipDecision(plans: readonly SkipPlan[], t: number): { kind: 'skip'; plan: SkipPlan } | { kind: 'wait'; seconds: number } {
  let i = nextPlanIndex(plans, t);
  // Just short of a landing point (a seek lands a few ms early in compressed audio): that skip is done.
  if (plans[i] && plans[i].to - t < MIN_SKIP_SECONDS && t >= plans[i].from) i++;
  const plan = plans[i];
  if (!plan) return { kind: 'wait', seconds: Infinity };
  // Tolerate a timer that fires a few ms early: the element's clock and the timer's drift apart.
  if (t >= plan.from - 0.02) return { kind: 'skip', plan };
  return { kind: 'wait', seconds: plan.from - t };
}
