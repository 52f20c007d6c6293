/** OPML import and export of the followed shows. */
import { signal } from '@preact/signals';
import { parseOpml, serializeOpml, type OpmlFailure } from '../core/opml';
import { describeFeedError } from './errors';
import { podcasts } from './library';
import { eachLimited } from '../core/library/concurrency';
import { REFRESH_CONCURRENCY } from './refresh';
import { subscribe } from './subscribe';

export interface ImportReport {
  imported: Array<{ url: string; title: string }>;
  alreadyFollowed: Array<{ url: string; title: string }>;
  failed: OpmlFailure[];
  duplicates: number;
}

export const importProgress = signal<{ done: number; total: number } | null>(null);

/** Subscribes to every feed in an OPML document; throws `OpmlError` when it is not OPML at all. */
export async function importOpml(text: string): Promise<ImportReport> {
  const list = parseOpml(text);
  const report: ImportReport = { imported: [], alreadyFollowed: [], failed: [...list.failed], duplicates: list.duplicates.length };
  importProgress.value = { done: 0, total: list.feeds.length };
  try {
    await eachLimited(
      list.feeds,
      REFRESH_CONCURRENCY,
      async (feed) => {
        try {
          const { podcast, existed } = await subscribe(feed.url);
          (existed ? report.alreadyFollowed : report.imported).push({ url: feed.url, title: podcast.title });
        } catch (err) {
          report.failed.push({ title: feed.title, url: feed.url, reason: describeFeedError(err) });
        }
      },
      (done) => (importProgress.value = { done, total: list.feeds.length }),
    );
  } finally {
    importProgress.value = null;
  }
  return report;
}

export function exportOpml(): string {
  return serializeOpml(podcasts.value.map((p) => ({ title: p.title, feedUrl: p.feedUrl, htmlUrl: p.link })));
}
