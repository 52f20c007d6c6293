/** Every backup section's provider, one line each. */
import { registerBackupProvider, timestampedProvider } from './providers';
import { playStateProvider, queueProvider, settingsProvider, subscriptionsProvider } from './core-providers';
import { exportPlaylists, importPlaylists } from '../playlists';
import { exportBookmarks, importBookmarks } from '../bookmarks';
import { exportShowSettings, importShowSettings } from '../show-settings';

// Order matters on import: shows first, so positions and queue entries find their episodes.
registerBackupProvider(subscriptionsProvider);
registerBackupProvider(playStateProvider);
registerBackupProvider(queueProvider);
registerBackupProvider(settingsProvider);
registerBackupProvider(timestampedProvider('playlists', 'playlists', exportPlaylists, importPlaylists));
registerBackupProvider(timestampedProvider('bookmarks', 'bookmarks', exportBookmarks, importBookmarks));
registerBackupProvider(timestampedProvider('showSettings', 'show settings', exportShowSettings, importShowSettings));
