/** One show as /api/search returns it. Missing values are null, never guessed. */
export interface DirectoryResult {
  title: string;
  author: string;
  feedUrl: string;
  image: string | null;
  /** Plain text, at most MAX_DESCRIPTION characters. */
  description: string;
  episodeCount: number | null;
  source: DirectorySource;
}

export type DirectorySource = 'podcastindex' | 'apple';

export const DIRECTORY_NAMES: Record<DirectorySource, string> = {
  podcastindex: 'Podcast Index',
  apple: 'Apple Podcasts',
};

/** A directory that did not answer usefully; `message` is shown to people. */
export class DirectoryError extends Error {
  override readonly name = 'DirectoryError';
  constructor(
    readonly source: DirectorySource,
    message: string,
  ) {
    super(message);
  }
}

/** Results asked of each directory. */
export const MAX_RESULTS = 30;
