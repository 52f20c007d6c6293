/**
 * The shows a fresh install follows: the four Packet Pushers podcasts. A show without a known
 * feed URL, or whose URL answers 404/410, is found by exact title through the directory search
 * and the answer remembered.
 */
export interface DefaultShow {
  /** Stable key for remembering what was resolved and what failed. */
  key: string;
  title: string;
  /** Other exact titles the directory may list it under (a show that was renamed). */
  aliases: string[];
  feedUrl: string | null;
}

export const DEFAULT_SHOWS: readonly DefaultShow[] = [
  {
    key: 'heavy-networking',
    title: 'Heavy Networking',
    aliases: [],
    feedUrl: 'https://feeds.packetpushers.net/PacketPushersWeeklyPodcast',
  },
  { key: 'network-automation-nerds', title: 'Network Automation Nerds', aliases: [], feedUrl: null },
  {
    key: 'day-two-devops',
    title: 'Day Two DevOps',
    // Renamed from Day Two Cloud; this was its feed.
    aliases: ['Day Two Cloud'],
    feedUrl: 'https://feeds.packetpushers.net/day2cloud',
  },
  { key: 'packet-protector', title: 'Packet Protector', aliases: [], feedUrl: null },
];

/** Every Packet Pushers show in one feed: offered, never subscribed without asking. */
export const ALL_SHOWS_FEED = {
  key: 'packet-pushers-all',
  title: 'Packet Pushers (all shows)',
  feedUrl: 'https://feeds.packetpushers.net/packetpushersfullfeed/',
} as const;
