import type { ApiScope } from '@podium/contracts';
import { CHAT_BOT_ROUTES } from './authz-matrix/chat-bots';
import { ECONOMY_ROUTES } from './authz-matrix/economy';
import { INTEGRATION_ROUTES } from './authz-matrix/integrations';
import { MEETING_ROUTES } from './authz-matrix/meetings';
import { WORKSPACE_ROUTES } from './authz-matrix/workspaces';

/**
 * The least privileged caller that may use a route. Organizer roles are ordered
 * viewer < moderator < owner; `session` is any signed-in organizer (no workspace in the path);
 * `apiToken` is any valid token of the workspace, `apiToken:<scope>` one holding that scope;
 * `webhook` is a signed inbound delivery (nobody in the matrix can sign one).
 */
export type Requirement =
  | 'public'
  | 'webhook'
  | 'attendee'
  | 'panel'
  | 'overlay'
  | 'apiToken'
  | `apiToken:${ApiScope}`
  | 'session'
  | 'viewer'
  | 'moderator'
  | 'owner';

/**
 * A route's requirement, with a valid body where the route validates one: roles are checked by a
 * guard before any pipe, so the body is not needed to refuse, but with it an allowed caller gets
 * past validation into the service, and the matrix proves its invalid body is refused with 400.
 */
export interface RouteEntry {
  requires: Requirement;
  /** A valid body (fresh per call), or `current`: what the owner GETs from the same URL. */
  body?: (() => unknown) | 'current';
  /** Path parameters that must be valid values rather than unknown ids. */
  params?: Record<string, string>;
}

/** `METHOD /path/:param` as the Express router lists it → requirement (and a body when needed). */
export const AUTHZ_MATRIX: Record<string, Requirement | RouteEntry> = {
  ...WORKSPACE_ROUTES,
  ...MEETING_ROUTES,
  ...CHAT_BOT_ROUTES,
  ...ECONOMY_ROUTES,
  ...INTEGRATION_ROUTES,
};

export function entryOf(key: string): RouteEntry | undefined {
  const entry = AUTHZ_MATRIX[key];
  return typeof entry === 'string' ? { requires: entry } : entry;
}

/** Routes that end the caller's own session when allowed: called after every other route. */
export const CALLED_LAST = ['POST /api/auth/logout', 'POST /api/panel/sign-out'];
