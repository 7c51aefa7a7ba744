import { type CanActivate, type ExecutionContext, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { outageOf } from '../../common/errors/outage';
import { readSessionCookie } from '../../common/http/session-cookie';
import { requestLine } from '../../common/http/request-logging';
import { AuthErrorCode, AuthException } from './auth.exception';
import type { Member } from '../workspaces/workspace-access.service';
import { type Actor, AuthService } from './auth.service';

const PUBLIC_ROUTE = 'podium:public';

/** Marks a route that needs no session (the caller may still be signed in). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Whether the route (or its controller) is marked @Public(). */
export function isPublicRoute(reflector: Reflector, context: ExecutionContext): boolean {
  return (
    reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]) === true
  );
}

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
  /** Set by WorkspaceRoleGuard on routes under :workspaceId (read it with @Membership()). */
  membership?: Member;
}

/** Global guard: every route needs a signed-in organizer unless marked @Public(). */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly logger = new Logger(SessionGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isPublic = isPublicRoute(this.reflector, context);
    request.actor = await this.actorOf(request, isPublic);
    if (!isPublic && !request.actor) {
      throw new AuthException(AuthErrorCode.Unauthenticated, 'Sign in first');
    }
    return true;
  }

  private async actorOf(request: AuthenticatedRequest, isPublic: boolean): Promise<Actor | undefined> {
    const token = readSessionCookie(request);
    if (!token) return undefined;
    try {
      return (await this.auth.actorForSessionToken(token)) ?? undefined;
    } catch (error) {
      if (!isPublic) throw error;
      // A public route serves anyone: a lookup that fails (the database is down) is no reason to
      // refuse it, e.g. /api/health must still answer with its report. The caller is anonymous.
      const outage = outageOf(error);
      if (outage) {
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.warn(
          { ...requestLine(request), outage, reason },
          'session lookup unavailable: served anonymously',
        );
      } else {
        this.logger.error(
          { err: error, ...requestLine(request) },
          'session lookup failed: served anonymously',
        );
      }
      return undefined;
    }
  }
}
