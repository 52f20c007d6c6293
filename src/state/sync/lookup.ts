/** Finding episodes the way gpodder names them: by feed URL and enclosure URL (or guid). */
import type { Episode, Podcast } from '../../core/types';
import { listEpisodesByPodcast } from '../../db/episodes';
import { listPodcasts } from '../../db/podcasts';

export class EpisodeLookup {
  private shows: Map<string, Podcast> | null = null;
  private readonly byShow = new Map<string, { byUrl: Map<string, Episode>; byGuid: Map<string, Episode> }>();

  /** The show by its feed URL as subscribed or as it moved to. */
  async show(feedUrl: string): Promise<Podcast | undefined> {
    if (!this.shows) {
      this.shows = new Map();
      for (const p of await listPodcasts()) {
        this.shows.set(p.id, p);
        this.shows.set(p.feedUrl, p);
      }
    }
    return this.shows.get(feedUrl);
  }

  async episode(feedUrl: string, enclosureUrl: string, guid?: string): Promise<Episode | undefined> {
    const show = await this.show(feedUrl);
    if (!show) return undefined;
    let maps = this.byShow.get(show.id);
    if (!maps) {
      const episodes = await listEpisodesByPodcast(show.id);
      maps = {
        byUrl: new Map(episodes.flatMap((e) => (e.enclosure ? [[e.enclosure.url, e] as const] : []))),
        byGuid: new Map(episodes.map((e) => [e.guid, e])),
      };
      this.byShow.set(show.id, maps);
    }
    return maps.byUrl.get(enclosureUrl) ?? (guid ? maps.byGuid.get(guid) : undefined);
  }

  /** Shows changed (followed or dropped): forget what was read. */
  reset(): void {
    this.shows = null;
    this.byShow.clear();
  }
}
