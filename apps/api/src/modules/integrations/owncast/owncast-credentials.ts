/** What an Owncast connection keeps sealed: the integration token, and the webhook secret if any. */
export interface OwncastCredentials {
  accessToken: string;
  /** Owncast ≥ 0.3.0 signs deliveries with it; without it the secret webhook URL is the only credential. */
  webhookSecret?: string;
}

/**
 * The instance's base URL as Podium stores it (the connection's account id): scheme, host, port
 * and any sub-path, no query, no trailing slash, so `https://live.example.org/` and
 * `https://live.example.org` are the same instance.
 */
export function normalizeInstanceUrl(input: string): string {
  const url = new URL(input);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}
