import { useEffect, useState } from 'preact/hooks';
import { loadSyncAccount, saveSyncAccount, signOutOfSync, syncAccount, syncStatus } from '../../state/sync/account';
import { syncNow } from '../../state/sync/run';
import { SyncStatusLine } from './SyncStatusLine';
import './sync.css';

/**
 * Settings › Sync: an account on a gpodder-compatible server (this Hopcast server by default, or
 * any gpodder.net v2 server such as another Hopcast or Nextcloud's gpoddersync). Shows, positions
 * and played marks sync both ways; the queue too when the server is a Hopcast server.
 */
export function SyncSettings() {
  const account = syncAccount.value;
  const [server, setServer] = useState(location.origin);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void loadSyncAccount().then(() => {
      const a = syncAccount.value;
      if (a) {
        setServer(a.server);
        setUser(a.user);
        setPassword(a.password);
      }
    });
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const address = server.trim().replace(/\/+$/, '');
    if (!/^https?:\/\/[^/\s]+/i.test(address)) {
      setProblem('Enter the server address, starting with https:// (or http://).');
      return;
    }
    if (!user.trim() || !password) {
      setProblem('Enter your user name and password.');
      return;
    }
    setProblem(null);
    await saveSyncAccount({ server: address, user: user.trim(), password });
    await syncNow();
  };

  const busy = syncStatus.value.state === 'syncing';
  return (
    <section class="settings-section" aria-labelledby="settings-sync">
      <h2 id="settings-sync">Sync</h2>
      <p class="muted">
        Keep shows, positions, played marks and the queue the same on all your devices, through this Hopcast server or any gpodder-compatible one (AntennaPod, gPodder and Kasts speak it too).
      </p>
      <form class="sync-form" onSubmit={(e) => void submit(e)}>
        <label>
          <span>Server address</span>
          <input type="url" value={server} onInput={(e) => setServer(e.currentTarget.value)} autocomplete="url" required />
        </label>
        <label>
          <span>User name</span>
          <input type="text" value={user} onInput={(e) => setUser(e.currentTarget.value)} autocomplete="username" autocapitalize="none" spellcheck={false} required />
        </label>
        <label>
          <span>Password</span>
          <input type="password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} autocomplete="current-password" required />
        </label>
        {problem && (
          <p class="error-text" role="alert">
            {problem}
          </p>
        )}
        <div class="sync-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {account ? 'Sync now' : 'Sign in and sync'}
          </button>
          {account && (
            <button type="button" class="button" disabled={busy} onClick={() => void signOutOfSync().then(() => setPassword(''))}>
              Stop syncing
            </button>
          )}
        </div>
      </form>
      <SyncStatusLine />
    </section>
  );
}
