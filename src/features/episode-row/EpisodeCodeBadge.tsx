import { parseEpisodeCode } from '../../core/episodes/episode-code';

/**
 * The episode's code (`HN806`, `D2DO270`) as a badge: how listeners of a network name episodes.
 * Hidden from screen readers, which already hear the code at the start of the title.
 */
export function EpisodeCodeBadge({ title }: { title: string }) {
  const code = parseEpisodeCode(title);
  if (!code) return null;
  return (
    <span class="badge badge-code" aria-hidden="true" title={`Episode ${code.label}`}>
      {code.label}
    </span>
  );
}
