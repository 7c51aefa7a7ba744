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

/** Header names that carry a credential or a proof of one, whatever the caller invents. */
const SECRET_HEADER = /token|secret|signature|auth|cookie|key|session/i;

/**
 * The request headers as they may be logged: any header named like a credential is masked
 * (`x-overlay-token`, `twitch-eventsub-message-signature`, …), not only the ones Podium reads.
 */
export function redactHeaders(
  headers: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!headers) return headers;
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, SECRET_HEADER.test(name) ? '[Redacted]' : value]),
  );
}
