import { describe, expect, test } from 'vitest';
import { HttpError } from '../../../src/api/http';
import { FeedError } from '../../../src/core/feed/errors';
import { describeFeedError, humanizeError, humanizeMessage, isFeedGone } from '../../../src/state/errors';

/** Every failure as one sentence a person can act on, with the exact words kept as details. */
describe('describeFeedError / isFeedGone', () => {
  test('a host answering 404 or 410 means the feed is gone; other answers keep the server’s words', () => {
    for (const status of [404, 410]) {
      const err = new HttpError(502, 'upstream_status', `The feed host answered ${status}`, status);
      expect(describeFeedError(err)).toBe(`The feed is gone: its host answered ${status}`);
      expect(isFeedGone(err)).toBe(true);
    }
    const down = new HttpError(502, 'upstream_status', 'The feed host answered 500', 500);
    expect(describeFeedError(down)).toBe('The feed host answered 500');
    expect(isFeedGone(down)).toBe(false);
    // This server's own 404 is not the feed being gone.
    expect(isFeedGone(new HttpError(404, 'http_404', 'Not found'))).toBe(false);
  });

  test('parse errors, plain errors and anything else', () => {
    expect(describeFeedError(new FeedError('html-page'))).toBe('This address returned a web page, not a podcast feed');
    expect(describeFeedError(new Error('boom'))).toBe('boom');
    expect(describeFeedError('a string')).toBe('Something went wrong reading this feed');
    expect(describeFeedError(new Error(''))).toBe('Something went wrong reading this feed');
  });
});

describe('humanizeError', () => {
  test('known proxy codes become sentences; the exact message is kept as details', () => {
    const err = new HttpError(502, 'dns_failed', 'nosuch.example could not be found (ENOTFOUND)');
    expect(humanizeError(err)).toEqual({
      sentence: 'No website answers at that address. Check the spelling, or search for the show by name.',
      details: 'nosuch.example could not be found (ENOTFOUND)',
    });
    expect(humanizeError(new HttpError(0, 'network', 'Could not reach the Hopcast server')).sentence).toBe('Hopcast can’t reach its server right now. Check your connection and try again.');
  });

  test('a host’s own refusal, a gone feed, a feed that cannot be read', () => {
    expect(humanizeError(new HttpError(502, 'upstream_status', 'The feed host answered 410', 410))).toEqual({
      sentence: 'The show’s feed isn’t at that address any more.',
      details: 'The feed is gone: its host answered 410',
    });
    expect(humanizeError(new HttpError(502, 'upstream_status', 'The feed host answered 403', 403)).sentence).toBe('The show’s server refused the request. Try again later.');
    expect(humanizeError(new FeedError('xml'))).toEqual({
      sentence: 'That address didn’t give a podcast feed Hopcast can read.',
      details: new FeedError('xml').message,
    });
  });

  test('an unknown code or a plain error: its own message is the sentence, with nothing folded', () => {
    expect(humanizeError(new HttpError(500, 'http_500', 'The server answered 500'))).toEqual({ sentence: 'The server answered 500', details: null });
    expect(humanizeError(new Error('Only http and https addresses can be subscribed to'))).toEqual({ sentence: 'Only http and https addresses can be subscribed to', details: null });
  });
});

describe('humanizeMessage (a stored card’s text)', () => {
  test('known wordings get their sentence; anything else a plain lead with the text folded', () => {
    expect(humanizeMessage('This server only reaches its configured hosts').sentence).toContain('set up to fetch only from certain sites');
    expect(humanizeMessage('No show titled “X” by Packet Pushers was found').sentence).toContain('couldn’t find this show in the podcast directory');
    expect(humanizeMessage('feeds.example could not be found').sentence).toContain('No website answers at that address');
    expect(humanizeMessage('something odd')).toEqual({ sentence: 'Hopcast couldn’t add this show just now. Try again, or paste its address.', details: 'something odd' });
  });
});
