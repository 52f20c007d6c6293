/**
 * Every backup section's provider, one line each. Sections from other features plug in here:
 *   registerBackupProvider(timestampedProvider('playlists', 'playlists', exportPlaylists, importPlaylists));
 *   registerBackupProvider(timestampedProvider('bookmarks', 'bookmarks', exportBookmarks, importBookmarks));
 *   registerBackupProvider(timestampedProvider('showSettings', 'show settings', exportShowSettings, importShowSettings));
 * (schemas for all three are already checked by src/core/backup/sections.ts).
 */
import { registerBackupProvider } from './providers';
import { playStateProvider, queueProvider, settingsProvider, subscriptionsProvider } from './core-providers';

// Order matters on import: shows first, so positions and queue entries find their episodes.
registerBackupProvider(subscriptionsProvider);
registerBackupProvider(playStateProvider);
registerBackupProvider(queueProvider);
registerBackupProvider(settingsProvider);
