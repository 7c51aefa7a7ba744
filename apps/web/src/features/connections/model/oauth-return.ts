import type { OAuthPlatform } from './connection-view';

/** What the server's OAuth callback said when it sent the browser back to the connections page. */
export type OAuthReturn = { kind: 'connected'; platform: OAuthPlatform } | { kind: 'error'; message: string };

const PARAMS = ['connected', 'error'] as const;
/** The message comes from the address bar: shown as text, and kept short. */
const MAX_MESSAGE = 300;

/** Reads `?connected=twitch|youtube` or `?error=<message>`; anything else is no news. */
export function readOAuthReturn(params: URLSearchParams): OAuthReturn | null {
  const error = params.get('error')?.trim();
  if (error) return { kind: 'error', message: error.slice(0, MAX_MESSAGE) };
  const connected = params.get('connected');
  if (connected === 'twitch' || connected === 'youtube') return { kind: 'connected', platform: connected };
  return null;
}

/** The same query without the OAuth result, so a reload does not show it again. */
export function withoutOAuthReturn(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of PARAMS) next.delete(name);
  return next;
}
