import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { readSessionCookie } from '../../common/http/session-cookie';
import { AuthErrorCode, AuthException } from './auth.exception';
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
}

/** Global guard: every route needs a signed-in organizer unless marked @Public(). */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = readSessionCookie(request);
    request.actor = token ? ((await this.auth.actorForSessionToken(token)) ?? undefined) : undefined;
    if (!isPublicRoute(this.reflector, context) && !request.actor) {
      throw new AuthException(AuthErrorCode.Unauthenticated, 'Sign in first');
    }
    return true;
  }
}
