/**
 * The `Search episodes` box: the episode index (titles, notes, people) and the transcript index
 * (what was said, chapter titles) asked together, fused into one ranking grouped by episode, with
 * the people whose names match. Transcript hits carry the moments: time, line, speaker.
 */
import { fuseRankings } from '../core/transcript-index/fuse';
import { transcriptLines } from '../core/transcript-index/lines';
import type { TranscriptHit } from '../core/transcript-index/index';
import type { Episode } from '../core/types';
import { getStoredChapterList } from '../db/chapters';
import { getEpisodes } from '../db/episodes';
import { getStoredTranscripts } from '../db/transcripts';
import { downloads } from './downloads';
import { findPeople, type PersonEntry } from './people';
import { searchLibrary, searchShows, type FoundEpisode, type SearchQuery } from './search';
import { searchTranscriptIndex } from './transcript-index';

export interface Moment {
  /** Seconds; -1 when the transcript has no times. */
  start: number;
  chapter: boolean;
  speaker: string | null;
  text: string;
}

export interface FoundMoments {
  count: number;
  moments: Moment[];
  terms: string[];
}

export interface FoundItem extends FoundEpisode {
  transcript: FoundMoments | null;
  /** Title, notes or people matched (not only the transcript). */
  metaHit: boolean;
}

export interface CombinedQuery extends SearchQuery {
  inTranscript: boolean;
}

export interface CombinedAnswer {
  results: FoundItem[];
  total: number;
  /** How many of `total` are similar (typo-forgiving) library matches. */
  similar: number;
  people: PersonEntry[];
  ms: number;
}

async function moments(hits: readonly TranscriptHit[]): Promise<Map<string, FoundMoments>> {
  const ids = hits.map((h) => h.episodeId);
  const [transcripts, chapters] = await Promise.all([getStoredTranscripts(ids), getStoredChapterList(ids)]);
  const out = new Map<string, FoundMoments>();
  hits.forEach((hit, i) => {
    const lines = transcripts[i]?.doc ? transcriptLines(transcripts[i].doc) : [];
    const titles = (chapters[i]?.chapters ?? []).filter((c) => !c.hidden);
    const found: Moment[] = [];
    for (const m of hit.moments) {
      if (m.chapter) {
        const c = titles[m.id - lines.length];
        if (c) found.push({ start: m.start, chapter: true, speaker: null, text: c.title });
      } else {
        const line = lines[m.id];
        if (line) found.push({ start: m.start, chapter: false, speaker: line.speaker, text: line.text });
      }
    }
    if (found.length > 0) out.set(hit.episodeId, { count: hit.count, moments: found, terms: hit.terms });
  });
  return out;
}

export async function searchEverything(query: CombinedQuery): Promise<CombinedAnswer> {
  const started = performance.now();
  const onlyIds = query.downloadedOnly ? [...downloads.value.values()].filter((d) => d.status === 'complete').map((d) => d.episodeId) : null;
  const [library, spoken, people] = await Promise.all([
    query.inTranscript ? null : searchLibrary(query),
    searchTranscriptIndex(query.text, { podcastId: query.podcastId, onlyIds }, query.limit).catch(() => ({ hits: [], total: 0 })),
    query.inTranscript ? [] : findPeople(query.text).catch(() => []),
  ]);
  const found = await moments(spoken.hits);
  const fromLibrary = new Map((library?.results ?? []).map((r) => [r.episode.id, r]));
  const spokenIds = spoken.hits.map((h) => h.episodeId).filter((id) => found.has(id));
  const order = fuseRankings([[...fromLibrary.keys()], spokenIds]);
  const missing = order.filter((id) => !fromLibrary.has(id));
  const episodes = new Map<string, Episode>((await getEpisodes(missing)).map((e) => [e.id, e]));
  const titles = new Map(searchShows.value.map((s) => [s.id, s.title]));
  const results: FoundItem[] = [];
  for (const id of order) {
    const meta = fromLibrary.get(id);
    const episode = meta?.episode ?? episodes.get(id);
    if (!episode) continue;
    // The transcript index knows nothing of played marks: that filter is applied here.
    if (!meta && query.played && (episode.played === 1) !== (query.played === 'played')) continue;
    const transcript = found.get(id) ?? null;
    results.push({
      episode,
      showTitle: meta?.showTitle ?? titles.get(episode.podcastId) ?? '',
      terms: meta?.terms ?? transcript?.terms ?? [],
      transcript,
      metaHit: !!meta,
      similar: meta?.similar ?? false,
    });
  }
  const spokenOnly = spoken.total - spokenIds.filter((id) => fromLibrary.has(id)).length;
  const total = Math.max(results.length, (library?.total ?? 0) + Math.max(0, spokenOnly));
  return { results: results.slice(0, query.limit), total, similar: library?.similar ?? 0, people, ms: performance.now() - started };
}
