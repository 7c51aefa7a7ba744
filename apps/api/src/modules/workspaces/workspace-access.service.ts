import { Injectable } from '@nestjs/common';
import { type Role, roleAtLeast } from '@podium/contracts';
import type { Actor } from '../auth/auth.service';
import { WorkspaceErrorCode, WorkspaceException } from './workspaces.exception';
import { WorkspacesRepository } from './workspaces.repository';

/**
 * The one access check for workspace-scoped work. A non-member gets 404 (a workspace's existence
 * is not revealed); a member whose role is too weak gets 403.
 */
@Injectable()
export class WorkspaceAccess {
  constructor(private readonly workspaces: WorkspacesRepository) {}

  async require(actor: Actor, workspaceId: string, minimum: Role): Promise<Role> {
    const membership = await this.workspaces.findMembership(workspaceId, actor.userId);
    if (!membership) throw new WorkspaceException(WorkspaceErrorCode.NotFound, 'No such workspace');
    if (!roleAtLeast(membership.role, minimum)) {
      throw new WorkspaceException(WorkspaceErrorCode.Forbidden, `This needs the ${minimum} role`);
    }
    return membership.role;
  }
}
