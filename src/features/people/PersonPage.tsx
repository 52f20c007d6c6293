import { useEffect, useState } from 'preact/hooks';
import { Page } from '../../ui/Page';
import { libraryVersion } from '../../state/library';
import { loadPerson, type PersonPage as PersonData } from '../../state/people';
import { EpisodeRow } from '../episode-row/EpisodeRow';
import { httpUrl } from '../episode-page/safe-url';
import { PersonAvatar } from './PersonAvatar';
import './people.css';

type State = { kind: 'loading' } | { kind: 'missing' } | { kind: 'failed'; message: string } | { kind: 'ready'; data: PersonData };

function decode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

const ROLE_NAMES: Record<string, string> = { host: 'Host', guest: 'Guest', 'co-host': 'Co-host', producer: 'Producer' };

/** One person across every followed show: picture, page, roles and their episodes, newest first. */
export function PersonPage({ id }: { id: string }) {
  const key = decode(id);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const version = libraryVersion.value;
  useEffect(() => {
    if (!key) {
      setState({ kind: 'missing' });
      return;
    }
    let live = true;
    loadPerson(key).then(
      (data) => live && setState(data ? { kind: 'ready', data } : { kind: 'missing' }),
      (err: unknown) => live && setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [key, version]);

  if (state.kind !== 'ready') {
    return (
      <Page title="Person" back="/search">
        {state.kind === 'loading' && <p class="muted">Loading…</p>}
        {state.kind === 'missing' && <p>Nobody by that name appears in the shows you follow.</p>}
        {state.kind === 'failed' && <p class="error-text">This person's episodes could not be read: {state.message}</p>}
      </Page>
    );
  }
  const { person, episodes } = state.data;
  const page = httpUrl(person.href);
  const shows = new Set(episodes.map((e) => e.episode.podcastId)).size;
  return (
    <Page title={person.name} back="/search">
      <header class="person-header">
        <PersonAvatar name={person.name} img={person.img} size={88} />
        <div>
          <p class="person-roles">{person.roles.map((r) => ROLE_NAMES[r] ?? r.charAt(0).toUpperCase() + r.slice(1)).join(' · ') || 'Appears in'}</p>
          <p class="muted person-count">
            {episodes.length === 1 ? '1 episode' : `${episodes.length} episodes`} in {shows === 1 ? '1 show' : `${shows} shows`}
          </p>
          {page && (
            <a href={page} target="_blank" rel="noopener noreferrer">
              {new URL(page).hostname}
              <span class="visually-hidden"> (web page of {person.name})</span>
            </a>
          )}
        </div>
      </header>
      <h2 class="person-episodes-heading">Episodes</h2>
      <ol class="person-episodes" aria-label={`Episodes with ${person.name}`}>
        {episodes.map(({ episode, show }) => (
          <li key={episode.id}>
            <EpisodeRow episode={episode} showTitle={show?.title ?? ''} />
          </li>
        ))}
      </ol>
    </Page>
  );
}
