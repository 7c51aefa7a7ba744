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

/** What a meeting overlay follows and shows: `&meeting=<id|live>` and, for the scoreboard, `&top=N`. */
export interface OverlayOptions {
  /** A meeting id, or `live`: the workspace's most recently started meeting that has not ended. */
  meeting: string;
  /** Scoreboard rows, 1-50. */
  top: number;
}

export const DEFAULT_OVERLAY_OPTIONS: OverlayOptions = { meeting: 'live', top: 10 };
export const MAX_SCOREBOARD_TOP = 50;

export function parseOverlayOptions(search: string): OverlayOptions {
  const params = new URLSearchParams(search);
  const meeting = params.get('meeting')?.trim() ?? '';
  const top = Number(params.get('top')?.trim() || Number.NaN);
  return {
    // Anything but a plausible id follows the live meeting (the server checks the id itself).
    meeting: /^[A-Za-z0-9-]{1,64}$/.test(meeting) ? meeting : DEFAULT_OVERLAY_OPTIONS.meeting,
    top: Number.isInteger(top) ? Math.min(MAX_SCOREBOARD_TOP, Math.max(1, top)) : DEFAULT_OVERLAY_OPTIONS.top,
  };
}
