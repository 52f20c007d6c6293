import { Artwork } from '../../ui/Artwork';

/**
 * A default show still being looked for: a tile the size of a show card, so the grid keeps its
 * shape while the four are fetched in parallel, and nothing alarming while ways remain to try.
 */
export function ShowPlaceholder({ title }: { title: string }) {
  return (
    <li class="show-card show-placeholder" aria-label={title} aria-busy="true">
      <div class="show-card-art">
        <Artwork src={null} title={title} size={160} class="show-card-artwork show-placeholder-artwork" />
      </div>
      <span class="show-card-title">{title}</span>
      {/* The same two lines a show card has (unplayed count, status), so nothing moves when it arrives. */}
      <p class="show-card-meta" role="status">
        Finding its feed…
      </p>
      <p class="show-card-status" aria-hidden="true">
        &nbsp;
      </p>
    </li>
  );
}
