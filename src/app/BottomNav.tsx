import { useLocation } from 'preact-iso';
import { Icon, type IconName } from '../ui/Icon';

const items: Array<{ href: string; label: string; icon: IconName; match: (path: string) => boolean }> = [
  { href: '/', label: 'Library', icon: 'library', match: (p) => p === '/' || p.startsWith('/show') || p.startsWith('/episode') },
  { href: '/queue', label: 'Queue', icon: 'queue', match: (p) => p.startsWith('/queue') || p.startsWith('/playlists') || p.startsWith('/bookmarks') },
  { href: '/downloads', label: 'Downloads', icon: 'downloads', match: (p) => p.startsWith('/downloads') },
  { href: '/search', label: 'Search', icon: 'search', match: (p) => p.startsWith('/search') },
  { href: '/settings', label: 'Settings', icon: 'settings', match: (p) => p.startsWith('/settings') || p.startsWith('/stats') },
];

export function BottomNav() {
  const { path } = useLocation();
  return (
    <nav class="bottom-nav" aria-label="Main">
      {items.map((item) => {
        const current = item.match(path);
        return (
          <a href={item.href} class={current ? 'nav-link current' : 'nav-link'} aria-current={current ? 'page' : undefined}>
            <Icon name={item.icon} />
            <span class="nav-label">{item.label}</span>
          </a>
        );
      })}
    </nav>
  );
}
