/** The gpodder API v2 shapes and the Hopcast state extension as the app uses them (docs/SYNC.md). */

export type ActionKind = 'download' | 'play' | 'delete' | 'new';

export interface EpisodeAction {
  /** Feed URL. */
  podcast: string;
  /** Enclosure URL: gpodder clients match episodes by it. */
  episode: string;
  guid?: string;
  device?: string;
  action: ActionKind;
  /** `YYYY-MM-DDTHH:MM:SS`, UTC. */
  timestamp: string;
  started?: number;
  position?: number;
  total?: number;
}

export interface SubscriptionChanges {
  add: string[];
  remove: string[];
  /** Server seconds: the next `since`. */
  timestamp: number;
}

export interface ActionsReply {
  actions: EpisodeAction[];
  timestamp: number;
}

/** One item of a state section: the server merges by id, newest `updatedAt` wins. */
export interface StateItem {
  id: string;
  updatedAt: number;
  deleted?: true;
  [field: string]: unknown;
}

export interface QueueStateItem extends StateItem {
  podcast?: string;
  order?: number;
}

export interface HopcastState {
  queue: StateItem[];
  playlists: StateItem[];
  bookmarks: StateItem[];
  updatedAt: number;
}
