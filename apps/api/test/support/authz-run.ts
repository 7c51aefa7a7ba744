import { randomUUID } from 'node:crypto';
import type { ApiScope } from '@podium/contracts';
import { CALLERS, type AuthzCallers, type Caller } from './authz-callers';
import type { Requirement, RouteEntry } from './authz-matrix';

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type Method = (typeof METHODS)[number];

export interface RouteKey {
  method: Method;
  path: string;
}

/** An Express 5 router layer, as far as this test reads it. */
interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  /** A router mounted with `app.use(router)` (Twitch EventSub): its routes carry full paths. */
  handle?: { stack?: RouterLayer[] };
}

function routeLayers(stack: RouterLayer[]): NonNullable<RouterLayer['route']>[] {
  return stack.flatMap((layer) => {
    if (layer.route) return [layer.route];
    return layer.handle?.stack ? routeLayers(layer.handle.stack) : [];
  });
}

/** Every (method, path) the app serves, read from the Express router (not from any document). */
export function routesOf(expressApp: unknown): RouteKey[] {
  const stack = (expressApp as { router: { stack: RouterLayer[] } }).router.stack;
  const seen = new Set<string>();
  return routeLayers(stack).flatMap((route) => {
    const paths = Array.isArray(route.path) ? route.path : [route.path];
    return paths.flatMap((path) =>
      METHODS.filter((method) => route.methods[method])
        .map((method) => ({ method, path }))
        .filter(({ method }) => {
          const key = `${method.toUpperCase()} ${path}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        }),
    );
  });
}

export const keyOf = (route: RouteKey): string => `${route.method.toUpperCase()} ${route.path}`;

/** Concrete URL: workspace A for `:workspaceId`, ids that do not exist for everything else. */
export function urlFor(path: string, workspaceId: string, params: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'workspaceId') return workspaceId;
    if (params[name]) return params[name];
    if (name === 'code') return 'ZZZZZZZZ';
    if (name === 'name') return 'authz-missing.json';
    return randomUUID();
  });
}

/** Whether `caller` meets `requirement` (and so must never be refused with 401/403). */
export function meets(requirement: Requirement, caller: Caller): boolean {
  if (isScoped(requirement)) return caller === 'apiToken';
  switch (requirement) {
    case 'public':
      return true;
    case 'webhook':
      return false; // nobody here signs a delivery
    case 'attendee':
    case 'panel':
    case 'overlay':
      return caller === requirement;
    case 'apiToken':
      return caller === 'apiToken' || caller === 'apiTokenWithoutScope';
    case 'session':
      return ['viewer', 'moderator', 'owner', 'otherOwner'].includes(caller);
    case 'viewer':
      return ['viewer', 'moderator', 'owner'].includes(caller);
    case 'moderator':
      return ['moderator', 'owner'].includes(caller);
    case 'owner':
      return caller === 'owner';
  }
}

function isScoped(requirement: Requirement): requirement is `apiToken:${ApiScope}` {
  return requirement.startsWith('apiToken:');
}

export function scopeOf(requirement: Requirement): ApiScope | undefined {
  return requirement.startsWith('apiToken:')
    ? (requirement.slice('apiToken:'.length) as ApiScope)
    : undefined;
}

export interface Observation {
  route: string;
  caller: Caller;
  status: number;
  code?: string;
}

/** JSON that no write route takes (every body schema wants an object): a caller past auth gets 400. */
export const INVALID_BODY = ['authz: not the body this route takes'];

/** Whether the route takes a JSON body (the matrix sends one to these). */
export const takesBody = (route: RouteKey): boolean => route.method !== 'get' && route.method !== 'delete';

/**
 * Calls the route once as `caller` with `invalidBody` when given, else the entry's body, else `{}`
 * (invalid for most write routes).
 */
export async function call(
  baseUrl: string,
  callers: AuthzCallers,
  route: RouteKey,
  entry: RouteEntry | undefined,
  caller: Caller,
  invalidBody?: unknown,
): Promise<Observation> {
  const hasBody = takesBody(route);
  const headers = callers.headers(caller, entry ? scopeOf(entry.requires) : undefined);
  const url = `${baseUrl}${urlFor(route.path, callers.workspaceId, entry?.params)}`;
  let body = '{}';
  if (invalidBody !== undefined) {
    body = JSON.stringify(invalidBody);
  } else if (entry?.body === 'current') {
    const current = await fetch(url, { headers: callers.headers('owner', undefined) });
    body = await current.text();
  } else if (entry?.body) {
    body = JSON.stringify(entry.body());
  }
  const response = await fetch(url, {
    method: route.method.toUpperCase(),
    headers: hasBody ? { ...headers, 'content-type': 'application/json' } : headers,
    body: hasBody ? body : undefined,
    redirect: 'manual',
  });
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { code?: string }).code;
  } catch {
    code = undefined;
  }
  return { route: keyOf(route), caller, status: response.status, code };
}

/** The verdict on one observation: a problem to list, or undefined when it is as expected. */
export function judge(requirement: Requirement, observation: Observation): string | undefined {
  const { status, caller } = observation;
  const said = `${observation.route} as ${caller}: ${status} ${observation.code ?? ''}`.trim();
  // 503: an integration this test app has no credentials for (Twitch, YouTube OAuth).
  if (status >= 500 && status !== 503) return `${said} (server error)`;
  const refused = status === 401 || status === 403;
  if (meets(requirement, caller)) {
    return refused ? `${said}, but ${caller} meets "${requirement}"` : undefined;
  }
  const hidden = status === 404 && (caller === 'otherOwner' || requirement === 'webhook');
  return refused || hidden ? undefined : `${said}, but "${requirement}" should refuse ${caller}`;
}

/** Runs `tasks` with at most `width` in flight. */
export async function inBatches<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < tasks.length; start += width) {
    results.push(...(await Promise.all(tasks.slice(start, start + width).map((task) => task()))));
  }
  return results;
}

export { CALLERS };
