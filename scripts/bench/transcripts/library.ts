/**
 * The synthetic library of the transcript bench, from a fixed seed: 10,000 episodes in 100 shows,
 * 300 of them with a one-hour transcript of ~9,000 words (1,500 cues of ~6 words, one every 2.4 s).
 * Words come from a generated vocabulary of 30,000 words drawn with a Zipf distribution, with the
 * function words of speech at their real share (~40 %), so postings are as skewed as real speech.
 */
import type { SegmentInput } from '../../../src/core/transcript-index/segment';

export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const SYLLABLES = 'ka lo mi ne ta ri so vu pe da zi ro fa le mo ni tu sa ve po ga di ku be ha ji wo yu ce'.split(' ');
const FUNCTION_WORDS = 'the a and to of in that it is you i we was for on with this but so like they what have just be are at not do there about know my if'.split(' ');

export const EPISODES = 10_000;
export const SHOWS = 100;
export const TRANSCRIPTS = 300;
export const CUES_PER_HOUR = 1500;
export const WORDS_PER_CUE = 6;
export const VOCABULARY = 30_000;

export function vocabulary(random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < VOCABULARY) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/** Zipf(s = 1) sampler over ranks 0..n-1 by inverse CDF on precomputed cumulative weights. */
export function zipf(n: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1);
  return () => {
    const target = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface BenchLibrary {
  words: string[];
  transcripts: SegmentInput[];
  episodes: number;
}

export function makeLibrary(seed = 12): BenchLibrary {
  const random = rng(seed);
  const words = vocabulary(random);
  const pick = zipf(words.length, random);
  const transcripts: SegmentInput[] = [];
  // Every 33rd episode has a transcript: 300 of 10,000, spread over the shows.
  for (let e = 0; e < EPISODES && transcripts.length < TRANSCRIPTS; e += Math.floor(EPISODES / TRANSCRIPTS)) {
    const lines = [];
    for (let c = 0; c < CUES_PER_HOUR; c++) {
      const said: string[] = [];
      for (let w = 0; w < WORDS_PER_CUE; w++) said.push(random() < 0.4 ? FUNCTION_WORDS[Math.floor(random() * FUNCTION_WORDS.length)] : words[pick()]);
      lines.push({ start: c * 2.4, text: said.join(' ') });
    }
    const chapters = Array.from({ length: 8 }, (_, i) => ({ start: i * 450, title: `${words[pick()]} ${words[pick()]}` }));
    transcripts.push({
      episodeId: `https://bench.invalid/show-${e % SHOWS}\u0000ep-${e}`,
      podcastId: `https://bench.invalid/show-${e % SHOWS}`,
      published: 1_700_000_000_000 + e * 3_600_000,
      lines,
      chapters,
    });
  }
  return { words, transcripts, episodes: EPISODES };
}

/** Queries as people type them: rare and common words, two words, prefixes of 3-5 letters. */
export function makeQueries(words: readonly string[], count: number, seed = 99): string[] {
  const random = rng(seed);
  const pick = zipf(words.length, random);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 4;
    const w = words[pick()];
    if (kind === 0) out.push(w);
    else if (kind === 1) out.push(words[Math.floor(random() * words.length)]);
    else if (kind === 2) out.push(`${w} ${words[pick()]}`);
    else out.push(w.slice(0, 3 + Math.floor(random() * 3)));
  }
  return out;
}
