/**
 * Paths whose next segment is the credential: Owncast and Ko-fi webhook keys, and invitation
 * tokens (`/api/invites/:token`, `/api/invites/:token/accept`).
 */
const KEYED_PATH = /^(\/api\/(?:integrations\/(?:kofi|owncast)|invites)\/)[^/?#]+/;

/**
 * The request address as it may be logged: webhook keys and invitation tokens masked, and the query string dropped
 * (OAuth callbacks carry a sign-in `code` and `state` there).
 */
export function redactRequestUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const queryAt = url.indexOf('?');
  const path = (queryAt === -1 ? url : url.slice(0, queryAt)).replace(KEYED_PATH, '$1[redacted]');
  return queryAt === -1 ? path : `${path}?[redacted]`;
}
