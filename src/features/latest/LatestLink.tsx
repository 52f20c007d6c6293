import './latest-link.css';

/** The Library's way into the Latest view: the network's newest episodes in one list. */
export function LatestLink() {
  return (
    <a class="latest-link" href="/latest">
      <span class="latest-link-text">
        <span class="latest-link-title">Latest episodes</span>
        <span class="latest-link-sub">Newest from all your shows, in one list</span>
      </span>
      <span aria-hidden="true" class="latest-link-chevron">
        ›
      </span>
    </a>
  );
}
