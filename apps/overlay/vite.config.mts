import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
const apiTarget = process.env.PODIUM_API_URL ?? 'http://127.0.0.1:3000';

/**
 * Fails the build when the overlay's JavaScript grows past its budget (gzipped): what a scene
 * downloads, i.e. the entry and its static imports plus the heaviest view's chunk and its imports
 * (views load lazily, one per scene). React 19 alone is ≈ 68 KB and socket.io-client ≈ 13 KB; the
 * budget leaves room for small overlays, not for a new library (pulling zod in through a value
 * import from contracts adds ≈ 25 KB and trips it).
 */
function gzipBudget(maxKb: number): Plugin {
  return {
    name: 'podium-gzip-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, { imports: string[]; dynamicImports: string[]; gzip: number }>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const gzip = gzipSync(output.code, { level: 9 }).length;
        chunks.set(output.fileName, { imports: output.imports, dynamicImports: output.dynamicImports, gzip });
      }
      const closure = (files: string[], into = new Set<string>()): Set<string> => {
        for (const file of files) {
          if (into.has(file) || !chunks.has(file)) continue;
          into.add(file);
          closure(chunks.get(file)?.imports ?? [], into);
        }
        return into;
      };
      const entries = Object.values(bundle).flatMap((o) =>
        o.type === 'chunk' && o.isEntry ? [o.fileName] : [],
      );
      const entry = closure(entries);
      const views = [...entry].flatMap((file) => chunks.get(file)?.dynamicImports ?? []);
      const weight = (files: Set<string>) =>
        [...files].reduce((sum, f) => sum + (chunks.get(f)?.gzip ?? 0), 0);
      const kb =
        Math.max(weight(entry), ...views.map((view) => weight(closure([view], new Set(entry))))) / 1024;
      if (kb > maxKb) this.error(`overlay JS is ${kb.toFixed(1)} KB gzipped, over its ${maxKb} KB budget`);
      this.info(`overlay JS (entry + heaviest view): ${kb.toFixed(1)} KB gzipped (budget ${maxKb} KB)`);
    },
  };
}

// Served by the api under `/overlay/` (fallback to this index.html): `/overlay/<kind>?token=…`.
export default defineConfig({
  root: appRoot,
  base: '/overlay/',
  cacheDir: `${workspaceRoot}node_modules/.vite/overlay`,
  plugins: [react(), gzipBudget(90)],
  resolve: {
    alias: {
      '@podium/contracts': `${workspaceRoot}libs/contracts/src/index.ts`,
      '@podium/ui': `${workspaceRoot}libs/ui/src/index.ts`,
    },
  },
  server: {
    port: 4201,
    host: '127.0.0.1',
    proxy: {
      '/api': { target: apiTarget },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: `${workspaceRoot}dist/apps/overlay`,
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      // The contracts lib only declares things: what the overlay does not use can go (and zod with it).
      treeshake: { moduleSideEffects: [{ test: /libs[\\/]contracts[\\/]src[\\/]/, sideEffects: false }] },
    },
  },
});
