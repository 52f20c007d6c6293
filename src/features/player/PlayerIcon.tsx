/** Player and queue icons (24×24). Filled glyphs for the transport, outlines for the rest. */
const filled = {
  play: 'M8 5.5v13a1 1 0 0 0 1.5.86l10.5-6.5a1 1 0 0 0 0-1.72L9.5 4.64A1 1 0 0 0 8 5.5z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  'prev-chapter': 'M5 5h2.5v14H5zM19 5.8v12.4a.8.8 0 0 1-1.2.7L9 12.7a.8.8 0 0 1 0-1.4l8.8-6.2a.8.8 0 0 1 1.2.7z',
  'next-chapter': 'M16.5 5H19v14h-2.5zM5 5.8v12.4a.8.8 0 0 0 1.2.7l8.8-6.2a.8.8 0 0 0 0-1.4L6.2 5.1A.8.8 0 0 0 5 5.8z',
} as const;

const outline = {
  'chevron-down': 'M6 9l6 6 6-6',
  share: 'M12 3v12M7 8l5-5 5 5M5 13v7h14v-7',
  moon: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z',
  grip: 'M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01',
  up: 'M12 19V5M6 11l6-6 6 6',
  down: 'M12 5v14M6 13l6 6 6-6',
  remove: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  check: 'M5 12l5 5 9-10',
  list: 'M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01',
} as const;

export type PlayerIconName = keyof typeof filled | keyof typeof outline;

export function PlayerIcon({ name, size = 24 }: { name: PlayerIconName; size?: number }) {
  const isFilled = name in filled;
  const d = isFilled ? filled[name as keyof typeof filled] : outline[name as keyof typeof outline];
  return (
    <svg
      class="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill={isFilled ? 'currentColor' : 'none'}
      stroke={isFilled ? 'none' : 'currentColor'}
      stroke-width={name === 'grip' ? 3 : 2}
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={d} />
    </svg>
  );
}

/** Circular arrow with the number of seconds inside, like every podcast app's skip buttons. */
export function SkipIcon({ direction, seconds, size = 32 }: { direction: 'back' | 'forward'; seconds: number; size?: number }) {
  const arc = direction === 'back' ? 'M5.6 8.5A8 8 0 1 1 4 12.8' : 'M18.4 8.5A8 8 0 1 0 20 12.8';
  const head = direction === 'back' ? 'M5 3.8v4.9h4.9' : 'M19 3.8v4.9h-4.9';
  return (
    <svg
      class="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={arc} />
      <path d={head} />
      <text x="12" y="15.6" text-anchor="middle" font-size="7.5" font-weight="700" fill="currentColor" stroke="none" font-family="system-ui, sans-serif">
        {seconds}
      </text>
    </svg>
  );
}
