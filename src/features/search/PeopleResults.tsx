import type { PersonEntry } from '../../state/people';
import { personHref } from '../../state/people';
import { PersonAvatar } from '../people/PersonAvatar';

/** People whose names match the query, each linking to their page across shows. */
export function PeopleResults({ people }: { people: readonly PersonEntry[] }) {
  return (
    <ul class="people-results" aria-label="Matching people">
      {people.map((p) => (
        <li key={p.key}>
          <a href={personHref(p.key)}>
            <PersonAvatar name={p.name} img={p.img} size={32} />
            <span>
              {p.name}
              <span class="muted"> · {p.episodes.length === 1 ? '1 episode' : `${p.episodes.length} episodes`}</span>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
