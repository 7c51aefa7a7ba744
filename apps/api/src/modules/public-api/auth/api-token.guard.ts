import {
  applyDecorators,
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { ApiScope } from '@podium/contracts';
import type { Request, Response } from 'express';
import { Public } from '../../auth/session.guard';
import { ApiAuthErrorCode, ApiAuthException } from './api-auth.exception';
import { ApiRateLimits, type RateLimitResult } from './api-rate-limits';
import { type ApiActor, ApiTokensService } from './api-tokens.service';

export type { ApiActor } from './api-tokens.service';

const REQUIRED_SCOPES = 'podium:api-scopes';

export interface ApiRequest extends Request {
  apiActor?: ApiActor;
}

/**
 * The scopes a v1 route needs (all of them; none for routes any valid token may call). Also takes
 * the route out of the session guard: v1 routes authenticate by bearer token only.
 */
export const RequireScopes = (...scopes: ApiScope[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_SCOPES, scopes), Public(), ApiBearerAuth());

/** Shorthand for `@UseGuards(ApiTokenGuard) @RequireScopes(...scopes)`. */
export const ApiTokenAuth = (...scopes: ApiScope[]): MethodDecorator & ClassDecorator =>
  applyDecorators(UseGuards(ApiTokenGuard), RequireScopes(...scopes));

/** The calling token, on routes behind ApiTokenGuard. */
export const CurrentApiActor = createParamDecorator((_: unknown, context: ExecutionContext): ApiActor => {
  const actor = context.switchToHttp().getRequest<ApiRequest>().apiActor;
  // Only reachable when a route forgot the guard: fail closed.
  if (!actor) throw new ApiAuthException(ApiAuthErrorCode.InvalidToken, 'An API token is required');
  return actor;
});

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

function writeHeaders(response: Response, result: RateLimitResult): void {
  response.setHeader('RateLimit-Limit', String(result.limit));
  response.setHeader('RateLimit-Remaining', String(result.remaining));
  response.setHeader('RateLimit-Reset', String(result.resetSeconds));
}

/**
 * Bearer-token authentication for `/api/v1/workspaces/:workspaceId/...`: 401 without a usable
 * token, 404 when the path names another workspace (its existence is not revealed), 403 naming
 * the missing scope. Rate limits apply per IP before the token is looked up, then per token.
 */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: ApiTokensService,
    private readonly limits: ApiRateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const response = context.switchToHttp().getResponse<Response>();

    const byIp = await this.limits.consumeIp(request.ip ?? 'unknown');
    if (!byIp.allowed) this.refuse(response, byIp, 'Too many API requests from this address');

    const secret = bearerToken(request);
    if (!secret) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      throw new ApiAuthException(
        ApiAuthErrorCode.InvalidToken,
        'Send an API token as "Authorization: Bearer <token>"',
      );
    }
    const actor = await this.tokens.resolve(secret);
    if (!actor) {
      response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new ApiAuthException(
        ApiAuthErrorCode.InvalidToken,
        'The API token is unknown, revoked or expired',
      );
    }

    const byToken = await this.limits.consumeToken(actor.tokenId);
    writeHeaders(response, byToken);
    if (!byToken.allowed) this.refuse(response, byToken, 'Too many requests with this API token');

    const workspaceId = request.params['workspaceId'];
    if (workspaceId !== undefined && workspaceId !== actor.workspaceId) {
      throw new ApiAuthException(ApiAuthErrorCode.WorkspaceNotFound, 'No such workspace');
    }
    const required =
      this.reflector.getAllAndOverride<ApiScope[] | undefined>(REQUIRED_SCOPES, [
        context.getHandler(),
        context.getClass(),
      ]) ?? [];
    const missing = required.filter((scope) => !actor.scopes.includes(scope));
    if (missing.length > 0) {
      throw new ApiAuthException(
        ApiAuthErrorCode.MissingScope,
        `This API token lacks the ${missing.join(', ')} scope`,
      );
    }
    request.apiActor = actor;
    return true;
  }

  private refuse(response: Response, result: RateLimitResult, message: string): never {
    writeHeaders(response, result);
    throw new ApiAuthException(ApiAuthErrorCode.RateLimited, message, {
      retryAfterSeconds: result.resetSeconds,
    });
  }
}
