import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
const LIB_SOURCE = /[\\/]libs[\\/][\w-]+[\\/]src[\\/].*\.tsx?$/;
const apiTarget = process.env.PODIUM_API_URL ?? 'http://127.0.0.1:3000';

// The api serves this build at `/` (history fallback), with `/api` and `/socket.io` on the same origin.
export default defineConfig({
  root: appRoot,
  base: '/',
  cacheDir: `${workspaceRoot}node_modules/.vite/web`,
  plugins: [react()],
  resolve: {
    alias: {
      '@podium/contracts': `${workspaceRoot}libs/contracts/src/index.ts`,
      '@podium/meetings': `${workspaceRoot}libs/meetings/src/index.ts`,
      '@podium/bots': `${workspaceRoot}libs/bots/src/index.ts`,
      '@podium/points': `${workspaceRoot}libs/points/src/index.ts`,
      '@podium/redeems': `${workspaceRoot}libs/redeems/src/index.ts`,
      '@podium/chat': `${workspaceRoot}libs/chat/src/index.ts`,
      '@podium/questions': `${workspaceRoot}libs/questions/src/index.ts`,
      '@podium/ui': `${workspaceRoot}libs/ui/src/index.ts`,
      '@/': `${appRoot}src/`,
    },
  },
  server: {
    port: 4200,
    host: '127.0.0.1',
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
  preview: { port: 4300, host: '127.0.0.1' },
  build: {
    outDir: `${workspaceRoot}dist/apps/web`,
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      // The workspace libs only declare things (schemas, constants, components; CSS is imported
      // apart): a page keeps the lib modules it uses, not every module a barrel re-exports.
      treeshake: { moduleSideEffects: (id) => !LIB_SOURCE.test(id) },
      output: {
        // `locales/fr/index.ts` → `locale-fr-<hash>.js`, `locales/fr/public.ts` →
        // `locale-public-fr-<hash>.js`: each language (and its public pages' part) is its own,
        // recognisable chunk.
        chunkFileNames: (chunk) => {
          const locale = /[\\/]locales[\\/](\w+)[\\/](index|public)\.ts$/.exec(chunk.facadeModuleId ?? '');
          if (!locale) return 'assets/[name]-[hash].js';
          return locale[2] === 'public'
            ? `assets/locale-public-${locale[1]}-[hash].js`
            : `assets/locale-${locale[1]}-[hash].js`;
        },
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
});
