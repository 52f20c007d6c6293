import { Page } from '../../ui/Page';
import { InstallButton } from '../install/InstallButton';
import { LibrarySettings } from '../library/LibrarySettings';
import { PlaybackSettings } from '../player/PlaybackSettings';
import { DownloadSettings } from '../downloads/DownloadSettings';
import { AppearanceSettings } from './AppearanceSettings';
import { ResetAppData } from './ResetAppData';
import { TranscriptSettings } from '../transcripts/TranscriptSettings';
import { BackupSettings } from '../backup/BackupSettings';
import { SyncSettings } from '../sync/SyncSettings';
import { StatsLink } from '../listening/StatsLink';

export function SettingsPage() {
  return (
    <Page title="Settings">
      <LibrarySettings />
      <PlaybackSettings />
      <StatsLink />
      <DownloadSettings />
      <AppearanceSettings />
      <TranscriptSettings />
      <SyncSettings />
      <BackupSettings />
      <section class="settings-section" aria-labelledby="settings-app">
        <h2 id="settings-app">App</h2>
        <InstallButton explainWhenUnavailable />
        <ResetAppData />
      </section>
      <section class="settings-section" aria-labelledby="settings-about">
        <h2 id="settings-about">About</h2>
        <p class="muted">Hopcast {__APP_VERSION__}. Feeds and audio the browser can't reach directly go through this server's proxy.</p>
      </section>
    </Page>
  );
}
