import { personKey } from '../../core/people';
import type { Funding, Person } from '../../core/types';
import { personHref } from '../../state/people';
import { httpUrl } from './safe-url';

/** `podcast:person` hosts and guests, each linking to their page across shows, with their own web page when the feed gives one. */
export function PeopleSection({ persons }: { persons: readonly Person[] }) {
  if (persons.length === 0) return null;
  return (
    <section class="episode-section" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <ul class="people-list">
        {persons.map((p, i) => {
          const img = httpUrl(p.img);
          const href = httpUrl(p.href);
          const role = p.role ? p.role.charAt(0).toUpperCase() + p.role.slice(1) : null;
          return (
            <li key={`${p.name}-${i}`} class="person">
              {img ? (
                <img src={img} alt="" width={40} height={40} loading="lazy" decoding="async" referrerpolicy="no-referrer" />
              ) : (
                <span class="person-initial" aria-hidden="true">
                  {p.name.charAt(0)}
                </span>
              )}
              <span class="person-text">
                <a href={personHref(personKey(p.name, p.href))}>{p.name}</a>
                <span class="muted person-role">
                  {role}
                  {href && (
                    <>
                      {role && ' · '}
                      <a href={href} target="_blank" rel="noopener noreferrer">
                        Web page<span class="visually-hidden"> of {p.name}</span>
                      </a>
                    </>
                  )}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** `podcast:funding`: how to support the show, the episode's own links first. */
export function FundingSection({ funding }: { funding: readonly Funding[] }) {
  const links = funding.map((f) => ({ url: httpUrl(f.url), title: f.title })).filter((f): f is { url: string; title: string | null } => f.url !== null);
  const unique = links.filter((f, i) => links.findIndex((g) => g.url === f.url) === i);
  if (unique.length === 0) return null;
  return (
    <section class="episode-section" aria-labelledby="funding-heading">
      <h2 id="funding-heading">Support the show</h2>
      <ul class="funding-list">
        {unique.map((f) => (
          <li key={f.url}>
            <a href={f.url} target="_blank" rel="noopener noreferrer">
              {f.title || new URL(f.url).hostname}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
