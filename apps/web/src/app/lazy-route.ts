import type { ComponentType } from 'react';
import type { LazyRouteFunction, RouteObject } from 'react-router';
import { loadEveryString } from '@/shared/i18n/i18n';

/**
 * A route whose module loads on first visit: every page is its own chunk, so a phone opening
 * `/m/…` downloads the attendee page and what it imports, never the dashboard. The router waits
 * for the chunk, and for every string of the reader's language, before it renders the route (no
 * Suspense needed).
 */
export function lazyPage<M>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType,
): LazyRouteFunction<RouteObject> {
  return async () => {
    const [module] = await Promise.all([load(), loadEveryString()]);
    return { Component: pick(module) };
  };
}

/** A public page (join, attendee): it needs only the public strings (see locales/en/public.ts). */
export function publicPage<M>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType,
): LazyRouteFunction<RouteObject> {
  return async () => ({ Component: pick(await load()) });
}

/** Paths served by `publicPage` routes: a first visit there loads the public strings only. */
export function isPublicPath(pathname: string): boolean {
  return /^\/(m|join)(\/|$)/.test(pathname);
}
