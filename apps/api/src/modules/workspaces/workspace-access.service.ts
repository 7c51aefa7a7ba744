import { Injectable } from '@nestjs/common';
import { type Role, roleAtLeast } from '@podium/contracts';
import type { Actor } from '../auth/auth.service';
import { WorkspaceErrorCode, WorkspaceException } from './workspaces.exception';
import { WorkspacesRepository } from './workspaces.repository';

/**
 * An actor with the role they hold in one workspace, as looked up for this request by
 * WorkspaceRoleGuard. Passed to a service in place of the actor, it answers that service's access
 * check for the same workspace without a second query.
 */
export interface Member extends Actor {
  readonly workspaceId: string;
  readonly role: Role;
}

/**
 * The one access check for workspace-scoped work. A non-member gets 404 (a workspace's existence
 * is not revealed); a member whose role is too weak gets 403.
 */
@Injectable()
export class WorkspaceAccess {
  /** Members this service looked up itself: a look-alike object built elsewhere proves nothing. */
  private readonly lookedUp = new WeakSet<object>();

  constructor(private readonly workspaces: WorkspacesRepository) {}

  /** Checks `minimum` like `require`, and returns the member for services to be handed. */
  async member(actor: Actor, workspaceId: string, minimum: Role): Promise<Member> {
    const role = await this.require(actor, workspaceId, minimum);
    const member: Member = Object.freeze({ ...actor, workspaceId, role });
    this.lookedUp.add(member);
    return member;
  }

  async require(actor: Actor, workspaceId: string, minimum: Role): Promise<Role> {
    const role = this.knownRole(actor, workspaceId) ?? (await this.findRole(actor, workspaceId));
    if (!role) throw new WorkspaceException(WorkspaceErrorCode.NotFound, 'No such workspace');
    if (!roleAtLeast(role, minimum)) {
      throw new WorkspaceException(WorkspaceErrorCode.Forbidden, `This needs the ${minimum} role`);
    }
    return role;
  }

  private knownRole(actor: Actor, workspaceId: string): Role | undefined {
    if (!this.lookedUp.has(actor)) return undefined;
    const member = actor as Member;
    return member.workspaceId === workspaceId ? member.role : undefined;
  }

  private async findRole(actor: Actor, workspaceId: string): Promise<Role | undefined> {
    return (await this.workspaces.findMembership(workspaceId, actor.userId))?.role;
  }
}
