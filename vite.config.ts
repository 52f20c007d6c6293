import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { manifest } from './src/app/manifest';

// HOPCAST_OUT_DIR lets the e2e suite build into its own folder, so parallel runs never share dist/.
const outDir = process.env.HOPCAST_OUT_DIR ?? 'dist';

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest,
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['icons/*.png', 'icons/*.svg', 'robots.txt'],
      injectManifest: {
        // Audio is never precached: downloads own it. Icons and the shell are.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        globIgnores: ['**/screenshots/**'],
      },
      devOptions: { enabled: false },
    }),
    // Brotli and gzip twins written at build time, so the server never compresses per request
    // (server/static.ts picks the twin the browser accepts). Audio and images are already compressed.
    compression({
      include: /\.(html|js|css|json|svg|webmanifest|txt|xml)$/,
      threshold: 512,
      skipIfLargerOrEqual: true,
      algorithms: [defineAlgorithm('brotliCompress', { params: { 1: 11 } }), defineAlgorithm('gzip', { level: 9 })],
      logLevel: 'silent',
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.1.0') },
  worker: { format: 'es' },
  build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { port: 5173 },
});
