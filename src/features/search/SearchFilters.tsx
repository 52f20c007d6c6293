export interface FilterValues {
  podcastId: string | null;
  played: 'played' | 'unplayed' | null;
  downloadedOnly: boolean;
  /** Only episodes whose stored transcript or chapter titles match. */
  inTranscript: boolean;
}

export const NO_FILTERS: FilterValues = { podcastId: null, played: null, downloadedOnly: false, inTranscript: false };

/** Show, played state, "downloaded only" and "in transcript": narrow the library results. */
export function SearchFilters({ value, shows, onChange }: { value: FilterValues; shows: ReadonlyArray<{ id: string; title: string }>; onChange: (next: FilterValues) => void }) {
  const onPlayed = (v: string) => onChange({ ...value, played: v === 'played' || v === 'unplayed' ? v : null });
  return (
    <fieldset class="search-filters">
      <legend class="visually-hidden">Filters</legend>
      <select class="search-filter" value={value.podcastId ?? ''} onChange={(e) => onChange({ ...value, podcastId: e.currentTarget.value || null })} aria-label="Show">
        <option value="">All shows</option>
        {shows.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title || s.id}
          </option>
        ))}
      </select>
      <select class="search-filter" value={value.played ?? ''} onChange={(e) => onPlayed(e.currentTarget.value)} aria-label="Played state">
        <option value="">Played and unplayed</option>
        <option value="unplayed">Unplayed</option>
        <option value="played">Played</option>
      </select>
      <label class="search-filter search-filter-check">
        <input type="checkbox" checked={value.downloadedOnly} onChange={(e) => onChange({ ...value, downloadedOnly: e.currentTarget.checked })} />
        Downloaded
      </label>
      <label class="search-filter search-filter-check">
        <input type="checkbox" checked={value.inTranscript} onChange={(e) => onChange({ ...value, inTranscript: e.currentTarget.checked })} />
        In transcript
      </label>
    </fieldset>
  );
}
