/**
 * Skip silence during playback, from a silence map (see docs/ARCHITECTURE.md, "Skip silence").
 * A worker decodes the episode's audio (same-origin bytes: the offline copy, else the server's audio
 * proxy) and reports gaps as it finds them; here each gap becomes a jump, made by a timer set for
 * the moment the gap starts, re-armed on every progress, seek, speed and play event. The element
 * itself is never routed through Web Audio for this, so background playback, the lock screen and
 * casting behave as without it, and cross-origin audio is never read as zeros.
 */
import { signal } from '@preact/signals';
import type { Gap } from '../core/silence/detector';
import { skipDecision, skipPlans, STRENGTHS, type SilenceStrength, type SkipPlan } from '../core/silence/strengths';
import type { Episode } from '../core/types';
import { proxiedAudioUrl } from '../api/audio-probe';
import { playbackUrlFor } from '../downloads/playback-url';
import type { SilenceAnalysis } from '../workers/silence-bridge';
import { countSkip } from './listen-stats';

export type SilenceStatus = { kind: 'off' } | { kind: 'analyzing'; analyzed: number } | { kind: 'ready' } | { kind: 'unavailable'; message: string };

export const silenceStatus = signal<SilenceStatus>({ kind: 'off' });

let analysis: SilenceAnalysis | null = null;
/** Which (episode, strength) the map and plans are for. */
let mapKey = '';
let gaps: Gap[] = [];
let plans: SkipPlan[] = [];
let strength: SilenceStrength = 'off';
let episode: Episode | null = null;
let el: HTMLAudioElement | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
/** Finished maps of the last few (episode, strength) pairs: toggling back and forth decodes nothing again. */
const finished = new Map<string, Gap[]>();
const KEEP_MAPS = 4;

/** Where the worker reads the audio: only same-origin bytes are readable (and not silent). */
async function readableUrl(ep: Episode): Promise<string | null> {
  const url = await playbackUrlFor(ep);
  if (url.startsWith('/offline-audio/')) return url;
  if (!navigator.onLine || !ep.enclosure) return null;
  return proxiedAudioUrl(ep.enclosure.url);
}

function clearTimer(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

/** Decides now: jump if inside a gap, else arm a timer for the next gap's start. */
export function checkSilence(): void {
  clearTimer();
  const a = el;
  const ep = episode;
  if (!a || !ep || strength === 'off' || plans.length === 0 || a.paused || a.seeking || a.readyState < 2) return;
  const t = a.currentTime;
  const decision = skipDecision(plans, t);
  if (decision.kind === 'skip') {
    const to = Math.min(decision.plan.to, Number.isFinite(a.duration) ? a.duration : decision.plan.to);
    countSkip(ep.podcastId, ep.id, t, to, a.playbackRate);
    a.currentTime = to;
    return;
  }
  if (!Number.isFinite(decision.seconds)) return;
  const rate = a.playbackRate > 0 ? a.playbackRate : 1;
  // Pages that play audio are not timer-throttled in the background, so this fires on time there too.
  timer = setTimeout(checkSilence, Math.max(5, (decision.seconds / rate) * 1000));
}

function stopAnalysis(): void {
  analysis?.cancel();
  analysis = null;
}

/** Applies the episode in the player and its show's strength; restarts the map when either changed. */
export async function updateSilenceSkip(audio: HTMLAudioElement, ep: Episode | null, wanted: SilenceStrength): Promise<void> {
  el = audio;
  episode = ep;
  strength = wanted;
  const key = ep && wanted !== 'off' ? `${ep.id}\u0000${wanted}` : '';
  if (key === mapKey) {
    checkSilence();
    return;
  }
  mapKey = key;
  stopAnalysis();
  clearTimer();
  gaps = [];
  plans = [];
  if (!ep || wanted === 'off') {
    silenceStatus.value = { kind: 'off' };
    return;
  }
  const preset = STRENGTHS[wanted];
  const known = finished.get(key);
  if (known) {
    gaps = known;
    plans = skipPlans(gaps, preset);
    silenceStatus.value = { kind: 'ready' };
    checkSilence();
    return;
  }
  const url = await readableUrl(ep).catch(() => null);
  if (mapKey !== key) return;
  if (!url) {
    silenceStatus.value = { kind: 'unavailable', message: 'Skip silence needs the network or a downloaded copy of this episode.' };
    return;
  }
  silenceStatus.value = { kind: 'analyzing', analyzed: 0 };
  // The bridge (and the worker it names) load on first use: most sessions never turn skip silence on.
  const { analyzeSilence } = await import('../workers/silence-bridge');
  if (mapKey !== key) return;
  analysis = analyzeSilence(
    { url, thresholdDb: preset.thresholdDb, minSilence: preset.minSilence },
    {
      onGaps(found, analyzed) {
        if (mapKey !== key) return;
        gaps = gaps.concat(found);
        plans = skipPlans(gaps, preset);
        silenceStatus.value = { kind: 'analyzing', analyzed };
        checkSilence();
      },
      onDone() {
        if (mapKey !== key) return;
        analysis = null;
        finished.set(key, gaps);
        if (finished.size > KEEP_MAPS) finished.delete(finished.keys().next().value!);
        silenceStatus.value = { kind: 'ready' };
      },
      onError(_reason, message) {
        if (mapKey !== key) return;
        analysis = null;
        // Gaps found before the failure still apply.
        silenceStatus.value = { kind: 'unavailable', message };
      },
    },
  );
}

/** Pause: no timer needed until playback resumes. */
export function pauseSilenceTimer(): void {
  clearTimer();
}
