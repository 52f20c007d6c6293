/**
 * A progress bar with its figures: role=progressbar with the percent as its value (absent while
 * the size is unknown, so it reads as indeterminate) and bytes and speed as its value text.
 */
export function DownloadProgressBar({ label, percent, detail, queued = false, paused = false }: { label: string; percent: number | null; detail: string; queued?: boolean; paused?: boolean }) {
  const text = queued ? 'Queued' : [paused ? 'Paused' : null, percent === null ? null : `${percent}%`, detail].filter(Boolean).join(', ');
  const figure = queued ? 'Queued' : percent === null ? detail || 'Starting…' : paused ? `Paused ${percent}%` : `${percent}%`;
  return (
    <span class="download-progress">
      <span class="download-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent ?? undefined} aria-valuetext={text || undefined}>
        <span class={percent === null ? 'download-bar-fill indeterminate' : 'download-bar-fill'} style={{ width: `${percent ?? 30}%` }} />
      </span>
      <span class="download-figures" aria-hidden="true">
        {figure}
      </span>
    </span>
  );
}
