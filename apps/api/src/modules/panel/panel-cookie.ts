import type { Request, Response } from 'express';

export const PANEL_COOKIE = 'podium_panel';
/** The panel session is sent to the panel API only: never to organizer routes, the SPA or sockets. */
export const PANEL_COOKIE_PATH = '/api/panel';

/**
 * How the panel cookie is set. Over https it is `SameSite=None; Secure` so it also works inside
 * Owncast's external-action iframe (a third-party context); the cost is that the browser sends it
 * on cross-site requests too, which is why every state-changing panel route takes a JSON body
 * (a cross-site form cannot send one without a CORS preflight, which Podium does not grant).
 * Over plain http (no PUBLIC_URL, or a LAN address) browsers refuse `SameSite=None` without
 * `Secure`, so it is `Lax`: the panel works as a page, not in a cross-site iframe.
 * `Partitioned` (CHIPS) is added when the sign-in happened inside an iframe, so browsers that block
 * third-party cookies keep it for that embedding site.
 */
export interface PanelCookiePolicy {
  secure: boolean;
  partitioned: boolean;
}

export function readPanelCookie(request: Request): string | undefined {
  const value: unknown = (request.cookies as Record<string, unknown> | undefined)?.[PANEL_COOKIE];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}

export function setPanelCookie(
  response: Response,
  token: string,
  expiresAt: Date,
  policy: PanelCookiePolicy,
): void {
  response.cookie(PANEL_COOKIE, token, {
    httpOnly: true,
    secure: policy.secure,
    sameSite: policy.secure ? 'none' : 'lax',
    partitioned: policy.secure && policy.partitioned,
    path: PANEL_COOKIE_PATH,
    expires: expiresAt,
  });
}

export function clearPanelCookie(response: Response, policy: PanelCookiePolicy): void {
  response.clearCookie(PANEL_COOKIE, {
    httpOnly: true,
    secure: policy.secure,
    sameSite: policy.secure ? 'none' : 'lax',
    partitioned: policy.secure && policy.partitioned,
    path: PANEL_COOKIE_PATH,
  });
}
