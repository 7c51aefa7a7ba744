/** What the address asks for: `/overlay/<kind>?token=…`. */
export type OverlayRoute<K extends string = string> =
  | { type: 'overlay'; kind: K; token: string }
  | { type: 'missing-token'; kind: K }
  | { type: 'unknown-kind'; kind: string };

/**
 * Reads the overlay kind from the path under `base` (Vite's `BASE_URL`, `/overlay/`) and the token
 * from the query. `kinds` are the kinds this build can draw.
 */
export function parseOverlayRoute<K extends string>(
  pathname: string,
  search: string,
  base: string,
  kinds: readonly K[],
): OverlayRoute<K> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.replace(/^\/+/, '');
  const raw = safeDecode(rest.split('/')[0] ?? '');
  const kind = kinds.find((known) => known === raw);
  if (kind === undefined) return { type: 'unknown-kind', kind: raw };
  const token = new URLSearchParams(search).get('token')?.trim() ?? '';
  return token ? { type: 'overlay', kind, token } : { type: 'missing-token', kind };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
