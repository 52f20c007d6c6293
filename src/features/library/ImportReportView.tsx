import type { ImportReport } from '../../state/opml';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What an OPML import did: counts up front, then each failure with its reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { imported, alreadyFollowed, failed, duplicates } = report;
  return (
    <div class="import-report" role="status" aria-label="Import report">
      <p>
        <strong>Imported {plural(imported.length, 'show', 'shows')}</strong>
        {alreadyFollowed.length > 0 && <>, {alreadyFollowed.length} already followed</>}
        {duplicates > 0 && <>, {plural(duplicates, 'duplicate', 'duplicates')} skipped</>}
        {failed.length > 0 && <>, {failed.length} failed</>}.
      </p>
      {imported.length > 0 && (
        <ul class="import-list">
          {imported.map((s) => (
            <li key={s.url}>{s.title}</li>
          ))}
        </ul>
      )}
      {failed.length > 0 && (
        <>
          <p class="error-text">Not imported:</p>
          <ul class="import-list">
            {failed.map((f, i) => (
              <li key={`${f.url}-${i}`}>
                <strong>{f.title ?? f.url ?? 'Untitled outline'}</strong>
                {f.title && f.url && <span class="muted"> ({f.url})</span>}: {f.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
