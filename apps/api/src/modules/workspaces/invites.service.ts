import { Injectable } from '@nestjs/common';
import type { CreatedInviteDto, InviteDto, InvitePreviewDto, Role } from '@podium/contracts';
import { DomainEvents } from '../../common/events/domain-events';
import { hashToken, newSecretToken } from '../../common/tokens';
import type { Tx } from '../../database/transaction';
import type { Actor } from '../auth/auth.service';
import { InvitesRepository } from './invites.repository';
import { WorkspaceAccess } from './workspace-access.service';
import { toInviteDto } from './workspaces.mapper';
import { WorkspaceErrorCode, WorkspaceException } from './workspaces.exception';
import { WorkspacesRepository } from './workspaces.repository';

/** Single-use links by which an owner brings moderators and co-hosts into a workspace. */
@Injectable()
export class InvitesService {
  constructor(
    private readonly invites: InvitesRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly access: WorkspaceAccess,
    private readonly events: DomainEvents,
  ) {}

  async create(
    actor: Actor,
    workspaceId: string,
    input: { role: Exclude<Role, 'owner'>; expiresInHours: number },
  ): Promise<CreatedInviteDto> {
    await this.access.require(actor, workspaceId, 'owner');
    const token = newSecretToken();
    const invite = await this.invites.create({
      workspaceId,
      role: input.role,
      tokenHash: hashToken(token),
      createdBy: actor.userId,
      expiresAt: new Date(Date.now() + input.expiresInHours * 3600_000),
    });
    return { ...toInviteDto(invite), token, path: `/invite/${token}` };
  }

  async listPending(actor: Actor, workspaceId: string): Promise<InviteDto[]> {
    await this.access.require(actor, workspaceId, 'owner');
    return (await this.invites.listPending(workspaceId, new Date())).map(toInviteDto);
  }

  async revoke(actor: Actor, workspaceId: string, inviteId: string): Promise<void> {
    await this.access.require(actor, workspaceId, 'owner');
    if (!(await this.invites.deletePending(workspaceId, inviteId))) {
      throw new WorkspaceException(WorkspaceErrorCode.InviteInvalid, 'No such pending invite');
    }
  }

  async preview(token: string): Promise<InvitePreviewDto> {
    const found = await this.invites.findUsable(hashToken(token), new Date());
    if (!found) throw this.invalid();
    return {
      workspaceName: found.workspace.name,
      role: found.invite.role,
      expiresAt: found.invite.expiresAt.toISOString(),
    };
  }

  /** Uses the invite for `userId` inside the caller's transaction; returns the joined workspace id. */
  async accept(tx: Tx, token: string, userId: string): Promise<{ workspaceId: string; role: Role }> {
    const invite = await this.invites.consume(tx, hashToken(token), userId, new Date());
    if (!invite) throw this.invalid();
    if (!(await this.workspaces.addMember(tx, invite.workspaceId, userId, invite.role))) {
      throw new WorkspaceException(WorkspaceErrorCode.AlreadyMember, 'You already belong to this workspace');
    }
    return { workspaceId: invite.workspaceId, role: invite.role };
  }

  announceJoin(workspaceId: string, userId: string, role: Role): void {
    this.events.publish('member.joined', { workspaceId, userId, role });
  }

  private invalid(): WorkspaceException {
    return new WorkspaceException(
      WorkspaceErrorCode.InviteInvalid,
      'This invite link is used, expired or unknown',
    );
  }
}
