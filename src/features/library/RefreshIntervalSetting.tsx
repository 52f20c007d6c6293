import { refreshInterval, REFRESH_INTERVALS, setRefreshInterval, type RefreshInterval } from '../../state/view-prefs';

const LABELS: Record<RefreshInterval, string> = { '1h': 'Every hour', '6h': 'Every 6 hours', '24h': 'Once a day', manual: 'Only when I refresh' };

/** How often shows are refreshed on their own (on start and while the app is open). */
export function RefreshIntervalSetting() {
  return (
    <label class="setting-row">
      <span>Check for new episodes</span>
      <select value={refreshInterval.value} onChange={(e) => setRefreshInterval(e.currentTarget.value as RefreshInterval)}>
        {REFRESH_INTERVALS.map((v) => (
          <option key={v} value={v}>
            {LABELS[v]}
          </option>
        ))}
      </select>
    </label>
  );
}
