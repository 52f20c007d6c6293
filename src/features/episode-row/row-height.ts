/**
 * The one place an episode row's height is set. The Show page's virtual list positions rows by it,
 * and the row carries it as `--episode-row-height`, the only height its CSS knows: a row whose
 * height drifted from the list's arithmetic would overlap or gap its neighbours.
 */
export const EPISODE_ROW_HEIGHT = 118;

export const episodeRowHeightStyle: Record<string, string> = { '--episode-row-height': `${EPISODE_ROW_HEIGHT}px` };
