import { useEffect, useState } from 'preact/hooks';

/** The current time, re-read every `everyMs` so relative times ("5 minutes ago") move on their own. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
