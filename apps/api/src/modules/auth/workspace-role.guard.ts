import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@podium/contracts';
import { ValidationException } from '../../common/errors/validation.exception';
import { WorkspaceAccess } from '../workspaces/workspace-access.service';
import { AuthErrorCode, AuthException } from './auth.exception';
import { isPublicRoute, type AuthenticatedRequest } from './session.guard';

const REQUIRED_ROLE = 'podium:workspace-role';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The least workspace role a `workspaces/:workspaceId/...` route needs (on a controller, the default
 * for its routes; on a handler, that route's). Checked by WorkspaceRoleGuard before any pipe runs,
 * so a caller without the role learns nothing about the body a route expects.
 */
export const RequireRole = (role: Role): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLE, role);

/**
 * Global guard, after SessionGuard: on a signed-in route whose path names a workspace, a
 * non-member gets 404 and a weaker role 403; the membership found is put on the request for
 * @Membership(). Fails closed: such a route that declares no role is a server error, never an
 * open door.
 */
@Injectable()
export class WorkspaceRoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: WorkspaceAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || isPublicRoute(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const workspaceId = request.params['workspaceId'];
    const required = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (workspaceId === undefined && required === undefined) return true;
    if (required === undefined || typeof workspaceId !== 'string') {
      const route = `${context.getClass().name}.${context.getHandler().name}`;
      throw new Error(
        `${route}: a route under :workspaceId must declare @RequireRole, and only such a route`,
      );
    }
    if (!request.actor) throw new AuthException(AuthErrorCode.Unauthenticated, 'Sign in first');
    // As the UuidParam pipe would say (that it is malformed is no secret), before the database sees it.
    if (!UUID.test(workspaceId)) {
      throw new ValidationException([{ field: 'workspaceId', message: 'must be a UUID' }]);
    }
    // Kept on the request so the route's service is handed it and does not look it up again.
    request.membership = await this.access.member(request.actor, workspaceId, required);
    return true;
  }
}
