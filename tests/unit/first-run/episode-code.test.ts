import { describe, expect, it } from 'vitest';
import { codeMatches, compareNewestFirst, episodeNumber, parseCodeQuery, parseEpisodeCode } from '../../../src/core/episodes/episode-code';

describe('parseEpisodeCode', () => {
  it.each([
    ["HN806: Let's Get NUTS!", 'HN', 806, 'HN806'],
    ['NAN090: Building a Source of Truth', 'NAN', 90, 'NAN090'],
    ['D2DO270: Platform Teams', 'D2DO', 270, 'D2DO270'],
    ['D2C244: Cloud Costs', 'D2C', 244, 'D2C244'],
    ['Day Two Cloud 192: Terraform Tips', 'D2C', 192, 'D2C192'],
    ['PP059: Zero Trust, Again', 'PP', 59, 'PP059'],
    ['TNO123: generic show code', 'TNO', 123, 'TNO123'],
    ['[HN700] bracketed', 'HN', 700, 'HN700'],
    ['HN 701: spaced', 'HN', 701, 'HN701'],
    ['IPB150 - dash separated', 'IPB', 150, 'IPB150'],
  ])('%s', (title, show, number, label) => {
    expect(parseEpisodeCode(title)).toEqual({ show, number, label });
  });

  it.each(['Tech Bytes: Juniper', '2024: the year in review', 'Part 2: the sequel', 'Episode 12: hello', 'Kubernetes 101: intro', 'HN806 without a colon continues', '', 'Ep 5: x'])(
    'no code in %j',
    (title) => {
      expect(parseEpisodeCode(title)).toBeNull();
    },
  );
});

describe('parseEpisodeCode: technical names that look like codes', () => {
  // A networking podcast's titles start with these all the time; a badge reading "IPV6" or
  // "COVID19", and a code search for "ipv6" jumping one episode to the top, would be wrong.
  it.each([
    'COVID19: Working from Home',
    'IPV6: Still Waiting',
    'HTTP3: QUIC in Production',
    'GPT4: What Changed',
    'WIFI7: Is It Worth It',
    'H264 - codecs explained',
    'MP3: still here',
    'HTML5: the web',
    'X86: the long tail',
    'F1: networking at the track',
    'USB4 - Docking',
    'TLS13: handshakes',
    'ARM64: servers',
  ])('no code in %j', (title) => {
    expect(parseEpisodeCode(title)).toBeNull();
  });
  it('queries for those names are words, not codes', () => {
    expect(parseCodeQuery('ipv6')).toBeNull();
    expect(parseCodeQuery('COVID 19')).toBeNull();
    expect(parseCodeQuery('x86')).toBeNull();
  });
  it('codes in the middle of a title are a reference to another episode, not this one', () => {
    expect(parseEpisodeCode('Follow-up to HN806: more NUTS')).toBeNull();
    expect(parseEpisodeCode('Tech Bytes: PP059 revisited')).toBeNull();
  });
});

describe('parseCodeQuery', () => {
  it('reads HN806, hn 806, hn-806 and d2do 270 alike', () => {
    expect(parseCodeQuery('HN806')).toEqual({ show: 'HN', number: 806 });
    expect(parseCodeQuery('hn 806')).toEqual({ show: 'HN', number: 806 });
    expect(parseCodeQuery(' hn-0806 ')).toEqual({ show: 'HN', number: 806 });
    expect(parseCodeQuery('d2do 270')).toEqual({ show: 'D2DO', number: 270 });
  });
  it('ignores queries that are words', () => {
    expect(parseCodeQuery('kubernetes')).toBeNull();
    expect(parseCodeQuery('bgp 4 routing')).toBeNull();
    expect(parseCodeQuery('806')).toBeNull();
    expect(parseCodeQuery('part 2')).toBeNull();
  });
  it('matches codes by show and number, not by how the digits are padded', () => {
    expect(codeMatches(parseEpisodeCode('PP059: x'), { show: 'PP', number: 59 })).toBe(true);
    expect(codeMatches(parseEpisodeCode('PP059: x'), { show: 'HN', number: 59 })).toBe(false);
    expect(codeMatches(null, { show: 'HN', number: 59 })).toBe(false);
  });
});

describe('ordering', () => {
  const ep = (title: string, published: number, episode: number | null = null) => ({ title, published, episode });
  it('numbers from the title, else itunes:episode', () => {
    expect(episodeNumber(ep('HN806: x', 0))).toBe(806);
    expect(episodeNumber(ep("Let's Get NUTS!", 0, 806))).toBe(806);
    expect(episodeNumber(ep('Untitled', 0))).toBeNull();
  });
  it('sorts newest first, higher number first when dates tie', () => {
    const list = [ep('HN805: a', 100), ep('HN806: b', 100), ep('HN807: c', 200), ep('no code', 100)];
    expect(list.sort(compareNewestFirst).map((e) => e.title)).toEqual(['HN807: c', 'HN806: b', 'HN805: a', 'no code']);
  });
});

describe('episode code search', async () => {
  const { createEpisodeIndex, applyChanges } = await import('../../../src/core/search/episode-index');
  const { toSearchDoc } = await import('../../../src/core/search/docs');
  const { searchEpisodes } = await import('../../../src/core/search/query');
  const doc = (id: string, title: string, notes: string, published: number, show = 'Heavy Networking') =>
    toSearchDoc({ id, podcastId: show, title, notesText: notes, persons: [], published, played: 0, fingerprint: id }, show);
  const index = createEpisodeIndex();
  applyChanges(
    index,
    [
      // Notes that mention another episode's code and the words of the query score well on their own.
      doc('hn807', 'HN807: Follow-up', 'Following up on HN806 and hn 806 listener mail about HN806, 806 806', 300),
      doc('hn806', "HN806: Let's Get NUTS!", 'Nuts.', 200),
      doc('hn805', 'HN805: Older', 'Older.', 100),
      doc('pp59', 'PP059: Zero Trust, Again', 'Zero trust.', 150, 'Packet Protector'),
      doc('d2do270', 'D2DO270: Platform Teams', 'Teams.', 120, 'Day Two DevOps'),
    ],
    [],
  );
  it.each(['HN806', 'hn 806', 'hn806', 'HN-806'])('%s finds HN806 first', (query) => {
    expect(searchEpisodes(index, query).hits[0]?.id).toBe('hn806');
  });
  it('padding does not matter and longer codes work', () => {
    expect(searchEpisodes(index, 'pp 59').hits[0]?.id).toBe('pp59');
    expect(searchEpisodes(index, 'PP059').hits[0]?.id).toBe('pp59');
    expect(searchEpisodes(index, 'd2do 270').hits[0]?.id).toBe('d2do270');
  });
  it('other matches still follow the code match', () => {
    expect(
      searchEpisodes(index, 'HN806')
        .hits.map((h) => h.id)
        .slice(0, 2),
    ).toEqual(['hn806', 'hn807']);
  });
});
