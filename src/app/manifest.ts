import type { ManifestOptions } from 'vite-plugin-pwa';

/** The web app manifest; vite-plugin-pwa writes it as manifest.webmanifest. */
export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Hopcast',
  short_name: 'Hopcast',
  description: 'Every episode of the shows you follow, searchable and playable offline.',
  lang: 'en',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: '#0f766e',
  background_color: '#0b1416',
  categories: ['music', 'entertainment', 'education'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  shortcuts: [
    { name: 'Queue', short_name: 'Queue', url: '/queue', icons: [{ src: '/icons/shortcut-queue.png', sizes: '96x96', type: 'image/png' }] },
    { name: 'Downloads', short_name: 'Downloads', url: '/downloads', icons: [{ src: '/icons/shortcut-downloads.png', sizes: '96x96', type: 'image/png' }] },
  ],
};
