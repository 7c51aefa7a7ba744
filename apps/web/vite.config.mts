import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
const LIB_SOURCE = /[\\/]libs[\\/][\w-]+[\\/]src[\\/].*\.tsx?$/;
const apiTarget = process.env.PODIUM_API_URL ?? 'http://127.0.0.1:3000';

/** The attendee's pages: their own entry, attendee.html (the api's static module serves it there too). */
const ATTENDEE_PATH = /^\/(m|join)(\/|$)/;

/** `vite serve`: the attendee's paths get attendee.html, as the api serves them in production. */
function attendeePages(): Plugin {
  return {
    name: 'podium-attendee-pages',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && ATTENDEE_PATH.test(req.url)) req.url = '/attendee.html';
        next();
      });
    },
  };
}

/** Libraries change less often than the app: separate chunks stay cached across releases. */
const VENDOR_GROUPS = {
  react: { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
  router: { name: 'react-router', test: /node_modules[\\/]react-router[\\/]/, priority: 2 },
};

/**
 * The api serves the build at `/` (history fallback to index.html; attendee.html for the attendee's
 * paths), with `/api` and `/socket.io` on the same origin. Two builds into one folder: the admin app
 * (index.html, this file) and the attendee's phone (attendee.html, vite.attendee.config.mts), built
 * apart so the phone's page is a few files of its own (React, i18next, the page, its language)
 * rather than a share of the admin app's many small chunks, and never the admin app's router.
 */
export function webConfig(page: 'admin' | 'attendee'): UserConfig {
  const attendee = page === 'attendee';
  return {
    root: appRoot,
    base: '/',
    cacheDir: `${workspaceRoot}node_modules/.vite/web`,
    plugins: [react(), attendeePages()],
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
      // The attendee's build runs second, into the admin app's fresh folder.
      emptyOutDir: !attendee,
      sourcemap: true,
      target: 'es2022',
      rolldownOptions: {
        input: attendee ? { attendee: `${appRoot}attendee.html` } : { index: `${appRoot}index.html` },
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
          codeSplitting: {
            groups: attendee ? [VENDOR_GROUPS.react] : [VENDOR_GROUPS.react, VENDOR_GROUPS.router],
          },
        },
      },
    },
  };
}

export default defineConfig(webConfig('admin'));
