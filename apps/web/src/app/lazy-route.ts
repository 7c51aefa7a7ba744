import type { ComponentType } from 'react';
import type { LazyRouteFunction, RouteObject } from 'react-router';

/**
 * A route whose module loads on first visit: every page is its own chunk, so a first visit
 * downloads that page and what it imports, never the whole dashboard. The router waits
 * for the chunk before it renders the route (no Suspense needed).
 */
export function lazyPage<M>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType,
): LazyRouteFunction<RouteObject> {
  return async () => ({ Component: pick(await load()) });
}
