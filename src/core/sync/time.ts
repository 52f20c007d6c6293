/** gpodder timestamps: `YYYY-MM-DDTHH:MM:SS` in UTC, no fraction, no zone (mygpoclient refuses more). */

export function gpodderTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
}

/** Epoch ms of a gpodder timestamp (zone-less means UTC; a zone or fraction is tolerated), or null. */
export function parseGpodderTime(value: string): number | null {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?$/.test(value)) return null;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? ms : null;
}
