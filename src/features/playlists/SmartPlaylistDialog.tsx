import { useState } from 'preact/hooks';
import type { PlayedFilter, SmartFilter, SmartSort } from '../../core/playlists/types';
import { DEFAULT_FILTER } from '../../core/playlists/smart-filter';
import { cleanFilter } from '../../core/playlists/validate';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { podcasts } from '../../state/library';
import { previewSmartFilter } from '../../state/playlist-items';
import { useAsync } from './use-async';

interface Form {
  name: string;
  podcastIds: string[];
  played: PlayedFilter;
  minMinutes: string;
  maxMinutes: string;
  withinDays: string;
  downloadedOnly: boolean;
  sort: SmartSort;
  limit: string;
}

const toForm = (name: string, f: SmartFilter): Form => ({
  name,
  podcastIds: f.podcastIds,
  played: f.played,
  minMinutes: f.minMinutes?.toString() ?? '',
  maxMinutes: f.maxMinutes?.toString() ?? '',
  withinDays: f.withinDays?.toString() ?? '',
  downloadedOnly: f.downloadedOnly,
  sort: f.sort,
  limit: f.limit?.toString() ?? '',
});

/** Form → filter through the same checks a backup goes through; throws a sentence to show. */
const toFilter = (f: Form): SmartFilter => cleanFilter({ ...f, minMinutes: f.minMinutes, maxMinutes: f.maxMinutes, withinDays: f.withinDays, limit: f.limit });

/** Creates or edits a smart playlist: which shows, played or not, length, age, downloaded, order, and a cap. */
export function SmartPlaylistDialog({
  open,
  initial,
  heading,
  submitLabel,
  onCancel,
  onSave,
}: {
  open: boolean;
  initial: { name: string; filter: SmartFilter } | null;
  heading: string;
  submitLabel: string;
  onCancel: () => void;
  onSave: (name: string, filter: SmartFilter) => Promise<void>;
}) {
  const start = () => toForm(initial?.name ?? '', initial?.filter ?? DEFAULT_FILTER);
  const [form, setForm] = useState<Form>(start);
  const [error, setError] = useState<string | null>(null);
  const ref = useModalDialog(open, () => {
    setForm(start());
    setError(null);
  });
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const preview = useAsync(async () => (open ? previewSmartFilter(toFilter(form)) : 0), [open, form]);
  const shows = podcasts.value;

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await onSave(form.name, toFilter(form));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const toggleShow = (id: string, on: boolean) => set('podcastIds', on ? [...form.podcastIds, id] : form.podcastIds.filter((x) => x !== id));

  return (
    <dialog ref={ref} class="dialog smart-dialog" aria-labelledby="smart-title" onClose={onCancel}>
      <form class="dialog-form" onSubmit={(e) => void submit(e)}>
        <h2 id="smart-title">{heading}</h2>
        <label for="smart-name">Name</label>
        <input id="smart-name" type="text" value={form.name} maxLength={80} autoComplete="off" required onInput={(e) => set('name', e.currentTarget.value)} />
        <fieldset class="smart-shows">
          <legend>Shows</legend>
          <p class="dialog-hint muted">None ticked: every show.</p>
          {shows.length === 0 && <p class="muted">You follow no shows yet.</p>}
          {shows.map((p) => (
            <label key={p.id} class="smart-check">
              <input type="checkbox" checked={form.podcastIds.includes(p.id)} onChange={(e) => toggleShow(p.id, e.currentTarget.checked)} />
              {p.title}
            </label>
          ))}
          {/* A picked show since unsubscribed still narrows the filter: it stays listed (ticked) so it can be seen and unticked. */}
          {(initial?.filter.podcastIds ?? [])
            .filter((id) => !shows.some((p) => p.id === id))
            .map((id) => (
              <label key={id} class="smart-check">
                <input type="checkbox" checked={form.podcastIds.includes(id)} onChange={(e) => toggleShow(id, e.currentTarget.checked)} />A show you no longer follow
              </label>
            ))}
        </fieldset>
        <div class="smart-grid">
          <label>
            Episodes
            <select value={form.played} onChange={(e) => set('played', e.currentTarget.value as PlayedFilter)}>
              <option value="unplayed">Unplayed</option>
              <option value="played">Played</option>
              <option value="any">Played or not</option>
            </select>
          </label>
          <label>
            Order
            <select value={form.sort} onChange={(e) => set('sort', e.currentTarget.value as SmartSort)}>
              <option value="newest">Newest first</option>
              <option value="oldest">Oldest first</option>
              <option value="shortest">Shortest first</option>
              <option value="longest">Longest first</option>
            </select>
          </label>
          <label>
            At least (min)
            <input type="number" inputMode="numeric" min={0} max={1440} value={form.minMinutes} onInput={(e) => set('minMinutes', e.currentTarget.value)} />
          </label>
          <label>
            Under (min)
            <input type="number" inputMode="numeric" min={1} max={1440} value={form.maxMinutes} onInput={(e) => set('maxMinutes', e.currentTarget.value)} />
          </label>
          <label>
            Published
            <select value={form.withinDays} onChange={(e) => set('withinDays', e.currentTarget.value)}>
              <option value="">Any time</option>
              <option value="1">Last day</option>
              <option value="7">Last week</option>
              <option value="30">Last 30 days</option>
              <option value="90">Last 90 days</option>
              <option value="365">Last year</option>
            </select>
          </label>
          <label>
            At most (episodes)
            <input type="number" inputMode="numeric" min={1} max={5000} value={form.limit} onInput={(e) => set('limit', e.currentTarget.value)} />
          </label>
        </div>
        <label class="smart-check">
          <input type="checkbox" checked={form.downloadedOnly} onChange={(e) => set('downloadedOnly', e.currentTarget.checked)} />
          Downloaded only
        </label>
        <p class="muted smart-preview" aria-live="polite">
          {preview.kind === 'ready' ? `${preview.value} ${preview.value === 1 ? 'episode matches' : 'episodes match'} now.` : preview.kind === 'failed' ? preview.message : ' '}
        </p>
        {error && (
          <p class="error-text" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" class="button button-primary">
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
