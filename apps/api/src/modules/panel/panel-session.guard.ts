import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { type PanelViewer, PanelAuthService } from './panel-auth.service';
import { readPanelCookie } from './panel-cookie';
import { PanelErrorCode, PanelException } from './panel.exception';

export interface PanelRequest extends Request {
  panelViewer?: PanelViewer;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Panel routes: a live panel session cookie is required (organizer sessions do not count). Since the
 * cookie may be `SameSite=None` (iframe), writes must be JSON: a cross-site page cannot send a JSON
 * request with cookies without a CORS preflight, which Podium never grants.
 */
@Injectable()
export class PanelSessionGuard implements CanActivate {
  constructor(private readonly auth: PanelAuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<PanelRequest>();
    if (!SAFE_METHODS.has(request.method) && !request.is('application/json')) {
      throw new PanelException(PanelErrorCode.Unauthenticated, 'Panel requests must be JSON');
    }
    const token = readPanelCookie(request);
    const viewer = token ? await this.auth.authenticate(token) : null;
    if (!viewer) {
      throw new PanelException(PanelErrorCode.Unauthenticated, 'Open the panel from a !panel link first');
    }
    request.panelViewer = viewer;
    return true;
  }
}

/** The signed-in panel viewer (routes behind PanelSessionGuard). */
export const CurrentPanelViewer = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const viewer = context.switchToHttp().getRequest<PanelRequest>().panelViewer;
  if (!viewer)
    throw new PanelException(PanelErrorCode.Unauthenticated, 'Open the panel from a !panel link first');
  return viewer;
});
