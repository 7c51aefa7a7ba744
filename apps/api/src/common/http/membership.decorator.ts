import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../../modules/auth/session.guard';
import type { Member } from '../../modules/workspaces/workspace-access.service';

export type { Member };

/**
 * The signed-in organizer with the role WorkspaceRoleGuard found in the path's workspace. Hand it
 * to services in place of the actor: their access check for that workspace then needs no query.
 */
export const Membership = createParamDecorator((_: unknown, context: ExecutionContext): Member => {
  const { membership } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!membership) throw new Error('@Membership() is for routes under :workspaceId with @RequireRole');
  return membership;
});
