const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Decimal units (what storage settings and OSes show): 48274 → "48 KB", 1.5e9 → "1.5 GB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, '')} ${UNITS[unit]}`;
}

export function formatSpeed(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** Whole percent, never 100 before the last byte (a rounded 99.6 % must not look finished). */
export function percentOf(done: number, total: number | null): number | null {
  if (!total || total <= 0) return null;
  if (done >= total) return 100;
  return Math.min(99, Math.floor((done / total) * 100));
}
