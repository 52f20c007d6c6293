/**
 * The shows a fresh install follows: the four Packet Pushers podcasts, with everything known about
 * where their feeds live. Feeds move (FeedPress slugs, a show renamed from Day Two Cloud to Day Two
 * DevOps), so each show carries several ways to find its feed; `resolutionSteps` orders them.
 * What is known (public copies of the feeds and directory pages): the network's feeds are generated
 * at https://packetpushers.net/podcast/<slug>/feed/ and republished on feeds.packetpushers.net;
 * Apple Podcasts ids survive renames.
 */
export interface DefaultShow {
  /** Stable key for remembering what was resolved and what failed. */
  key: string;
  title: string;
  /** Other exact titles the show had or is listed under (a show that was renamed). */
  aliases: string[];
  /** Feed URLs known to have served the show, best first. */
  feedUrls: string[];
  /** The show's slug on packetpushers.net, where the network's feeds originate. */
  slug: string | null;
  /** Apple Podcasts id: a lookup by id gives the current feed URL even after a rename. */
  appleId: string | null;
}

export const DEFAULT_SHOWS: readonly DefaultShow[] = [
  {
    key: 'heavy-networking',
    title: 'Heavy Networking',
    aliases: ['Packet Pushers Heavy Networking'],
    // Its own atom:link rel="self", trailing slash included.
    feedUrls: ['https://feeds.packetpushers.net/PacketPushersWeeklyPodcast/'],
    slug: 'heavy-networking',
    appleId: '370842767',
  },
  {
    key: 'network-automation-nerds',
    title: 'Network Automation Nerds',
    // Not "Network Automation Nerds Podcast": that is the pre-2024 Buzzsprout feed, no longer updated.
    aliases: [],
    feedUrls: [],
    slug: 'network-automation-nerds',
    appleId: '1730980821',
  },
  {
    key: 'day-two-devops',
    title: 'Day Two DevOps',
    aliases: ['Day Two Cloud'],
    // The feed it had as Day Two Cloud.
    feedUrls: ['https://feeds.packetpushers.net/day2cloud'],
    slug: 'day-two-devops',
    // The id it had as Day Two Cloud; Apple kept it through the rename.
    appleId: '1460004936',
  },
  { key: 'packet-protector', title: 'Packet Protector', aliases: [], feedUrls: [], slug: 'packet-protector', appleId: null },
];

/** How a feed or directory entry shows it belongs to the network (the identity check). */
export const NETWORK = {
  /** `itunes:author`, `itunes:owner` or the directory's artist name. */
  names: ['packet pushers'],
  /** Hosts of the network's feeds and site (and their subdomains). */
  hosts: ['packetpushers.net'],
} as const;

/** Every Packet Pushers show in one feed: offered, never subscribed without asking. */
export const ALL_SHOWS_FEED = {
  key: 'packet-pushers-all',
  title: 'Packet Pushers (all shows)',
  feedUrl: 'https://feeds.packetpushers.net/packetpushersfullfeed/',
} as const;
