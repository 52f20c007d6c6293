import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { episodeLinkAt, parseEpisodeLink } from '../../src/features/player/share-link';

describe('parseEpisodeLink', () => {
  it('reads the episode and time of a shared link', () => {
    const link = new URL(episodeLinkAt('http://localhost', 'pod\u0000guid/1', 754));
    expect(parseEpisodeLink(link.pathname, link.hash)).toEqual({ episodeId: 'pod\u0000guid/1', seconds: 754 });
  });

  it('is the same link, in whole seconds, for every share action', () => {
    expect(episodeLinkAt('http://localhost', 'pod\u0000guid/1', 754.9)).toBe('http://localhost/episode/pod%00guid%2F1#t=754');
    expect(episodeLinkAt('http://localhost', 'e', -3)).toBe('http://localhost/episode/e#t=0');
    expect(episodeLinkAt('http://localhost', 'e', Number.NaN)).toBe('http://localhost/episode/e#t=0');
  });

  it('still reads the clock form older links carry', () => {
    expect(parseEpisodeLink('/episode/e', '#t=12:34')).toEqual({ episodeId: 'e', seconds: 754 });
  });

  it.each(['#t=%E0%A4%A', '#t=%', '#t=%ZZ', '#t=12:%E0'])('answers null for a malformed escape (%s), never throws', (hash) => {
    expect(parseEpisodeLink('/episode/abc', hash)).toBeNull();
    expect(parseEpisodeLink('/episode/%E0%A4%A', '#t=1:00')).toBeNull();
  });

  it('never throws, whatever the address holds', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (path, hash) => {
        parseEpisodeLink(`/episode/${path}`, `#t=${hash}`);
      }),
    );
  });
});
