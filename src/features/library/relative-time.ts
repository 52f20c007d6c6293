const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/**
 * `just now`, `5 minutes ago`, `yesterday`, `3 weeks ago`. Never a time in the future: a moment
 * stamped a little after `now` (a render's clock read earlier, a server's clock ahead of the
 * device's) is "just now", not "in 1 minute".
 */
export function timeAgo(then: number, now = Date.now()): string {
  const seconds = Math.min(0, Math.round((then - now) / 1000));
  const abs = -seconds;
  if (abs < 45) return 'just now';
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return rtf.format(Math.round(seconds / 86_400), 'day');
  if (abs < 60 * 86_400) return rtf.format(Math.round(seconds / (7 * 86_400)), 'week');
  return rtf.format(Math.round(seconds / (30 * 86_400)), 'month');
}
