import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What one page downloads: the files counted, the lazy chunks not counted, the CSS listed apart. */
export interface Asset {
  file: string;
  raw: number;
  gzip: number;
}

export interface PageWeight {
  page: string;
  /** Entry scripts, modulepreloads and the route's chunks, with everything they import statically. */
  loaded: Asset[];
  /** Which of `loaded` came in through the route's `import()` rather than index.html. */
  routeChunks: string[];
  /** Chunks reachable only through an `import()` this page does not take: never downloaded by it. */
  lazy: string[];
  css: Asset[];
}

export function weigh(path: string): Asset {
  const bytes = readFileSync(path);
  return { file: basename(path), raw: bytes.length, gzip: gzipSync(bytes).length };
}

/**
 * `./x.js` against the importing file's folder; `/assets/x.js`, `/overlay/assets/x.js` (an app
 * served under a base path) or `assets/x.js` against the app's dist folder.
 */
function resolveAsset(distDir: string, from: string, specifier: string): string | null {
  if (specifier.startsWith('.')) {
    const path = join(dirname(from), specifier);
    return existsSync(path) ? path : null;
  }
  const segments = specifier.split('/').filter((segment) => segment !== '');
  for (let skip = 0; skip < segments.length; skip += 1) {
    const path = join(distDir, ...segments.slice(skip));
    if (existsSync(path)) return path;
  }
  return null;
}

// Static: `import"./a.js"`, `from"./a.js"` (minified or not); dynamic: `import("./a.js")`, with
// the quotes or backticks the minifier chose.
const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["'`]([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

/** `start` and every file it imports statically, transitively; dynamic imports collected apart. */
function closure(distDir: string, start: string[], into: Set<string>, lazy: Set<string>): void {
  let pending = start;
  while (pending.length > 0) {
    const next: string[] = [];
    for (const path of pending) {
      if (into.has(path)) continue;
      into.add(path);
      const code = readFileSync(path, 'utf8');
      for (const match of code.matchAll(STATIC_IMPORT)) {
        const dep = resolveAsset(distDir, path, match[1] ?? '');
        if (dep) next.push(dep);
      }
      for (const match of code.matchAll(DYNAMIC_IMPORT)) {
        const dep = resolveAsset(distDir, path, match[1] ?? '');
        if (dep) lazy.add(dep);
      }
    }
    pending = next;
  }
}

/**
 * What a first visit of the page downloads before it shows: the entry scripts and modulepreloads
 * of its HTML file (`index.html`, or the page's own entry such as `attendee.html`) and, recursively, every chunk they import statically; then, for an app split
 * by route or view, the chunk of each module in `routeModules` (named after its source file, e.g.
 * `attendee-meeting.route` → `attendee-meeting.route-<hash>.js`) and its static imports, which the
 * router loads before it renders the page. Other `import()` targets are listed, not counted.
 */
export function pageWeight(
  page: string,
  distDir: string,
  routeModules: readonly string[] = [],
  htmlFile = 'index.html',
): PageWeight {
  const htmlPath = join(distDir, htmlFile);
  if (!existsSync(htmlPath)) {
    throw new Error(`${htmlPath} missing: build first (npx nx run-many -t build -p api web overlay)`);
  }
  const html = readFileSync(htmlPath, 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ]
    .map((match) => resolveAsset(distDir, htmlPath, match[1] ?? ''))
    .filter((path): path is string => path !== null);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)]
    .map((match) => resolveAsset(distDir, htmlPath, match[1] ?? ''))
    .filter((path): path is string => path !== null)
    .map(weigh);

  const loaded = new Set<string>();
  const lazy = new Set<string>();
  closure(distDir, entries, loaded, lazy);
  if (loaded.size === 0) throw new Error(`${page}: no script found in ${htmlPath}`);

  const routeChunks: string[] = [];
  const assetsDir = join(distDir, 'assets');
  const chunks = existsSync(assetsDir) ? readdirSync(assetsDir).filter((f) => f.endsWith('.js')) : [];
  for (const module of routeModules) {
    const chunk = chunks.find((file) => new RegExp(`^${escapeRegExp(module)}-[\\w-]+\\.js$`).test(file));
    if (!chunk) {
      // Honest either way: a page without lazy chunks has its route in the entry, already counted;
      // a split build without this chunk means the name changed, and counting less would lie.
      if (lazy.size === 0) continue;
      throw new Error(`${page}: no chunk for ${module} among the lazy chunks of ${distDir}`);
    }
    const path = join(assetsDir, chunk);
    if (!lazy.has(path)) throw new Error(`${page}: ${chunk} is not loaded through import()`);
    routeChunks.push(chunk);
    closure(distDir, [path], loaded, lazy);
  }
  return {
    page,
    loaded: [...loaded].map(weigh),
    routeChunks,
    lazy: [...lazy].filter((path) => !loaded.has(path)).map((path) => basename(path)),
    css,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function gzipTotal(weight: PageWeight): number {
  return weight.loaded.reduce((sum, asset) => sum + asset.gzip, 0);
}
