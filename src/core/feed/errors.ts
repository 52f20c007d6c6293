/** Why an input could not be read as a feed. Each kind carries a message meant for people. */
export type FeedErrorKind = 'empty' | 'json' | 'html-page' | 'not-a-feed' | 'entity-bomb' | 'xml' | 'too-large';

const MESSAGES: Record<FeedErrorKind, string> = {
  empty: 'This address returned an empty response, not a podcast feed',
  json: 'This address returned JSON data, not a podcast feed',
  'html-page': 'This address returned a web page, not a podcast feed',
  'not-a-feed': 'This address returned something that is not a podcast feed',
  'entity-bomb': 'This feed declares entities that expand without limit (an XML bomb), so it was not read',
  xml: 'This feed is too badly broken to read: no episodes or show details could be recovered',
  'too-large': 'This feed is too large to read',
};

export class FeedError extends Error {
  readonly kind: FeedErrorKind;

  constructor(kind: FeedErrorKind, message: string = MESSAGES[kind]) {
    super(message);
    this.name = 'FeedError';
    this.kind = kind;
  }
}

export function isFeedError(err: unknown): err is FeedError {
  return err instanceof FeedError;
}
