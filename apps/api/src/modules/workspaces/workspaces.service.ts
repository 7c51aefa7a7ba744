import { Injectable } from '@nestjs/common';
import type { MemberDto, MembershipDto, Role, WorkspaceDto } from '@podium/contracts';
import { DomainEvents } from '../../common/events/domain-events';
import { TransactionRunner, type Tx } from '../../database/transaction';
import type { Actor } from '../auth/auth.service';
import { WorkspaceAccess } from './workspace-access.service';
import { toMemberDto, toMembershipDto, toWorkspaceDto } from './workspaces.mapper';
import { WorkspaceErrorCode, WorkspaceException } from './workspaces.exception';
import { WorkspacesRepository } from './workspaces.repository';

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly workspaces: WorkspacesRepository,
    private readonly access: WorkspaceAccess,
    private readonly transactions: TransactionRunner,
    private readonly events: DomainEvents,
  ) {}

  /** Any organizer may start a workspace of their own and owns it. */
  async create(actor: Actor, name: string): Promise<WorkspaceDto> {
    const workspace = toWorkspaceDto(
      await this.transactions.run((tx) => this.createInTx(tx, actor.userId, name)),
    );
    this.events.publish('workspace.created', { workspace, ownerUserId: actor.userId });
    return workspace;
  }

  createInTx(tx: Tx, ownerUserId: string, name: string) {
    return this.workspaces.createWithOwner(tx, name, ownerUserId);
  }

  async get(actor: Actor, workspaceId: string): Promise<WorkspaceDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    return toWorkspaceDto(await this.mustFind(workspaceId));
  }

  async rename(actor: Actor, workspaceId: string, name: string): Promise<WorkspaceDto> {
    await this.access.require(actor, workspaceId, 'owner');
    const renamed = await this.workspaces.rename(workspaceId, name);
    if (!renamed) throw new WorkspaceException(WorkspaceErrorCode.NotFound, 'No such workspace');
    const workspace = toWorkspaceDto(renamed);
    this.events.publish('workspace.renamed', { workspace });
    return workspace;
  }

  async membershipsOf(userId: string): Promise<MembershipDto[]> {
    return (await this.workspaces.membershipsOf(userId)).map(toMembershipDto);
  }

  async listMembers(actor: Actor, workspaceId: string): Promise<MemberDto[]> {
    await this.access.require(actor, workspaceId, 'viewer');
    return (await this.workspaces.listMembers(workspaceId)).map(toMemberDto);
  }

  async changeRole(actor: Actor, workspaceId: string, userId: string, role: Role): Promise<MemberDto> {
    await this.access.require(actor, workspaceId, 'owner');
    await this.transactions.run(async (tx) => {
      const owners = await this.workspaces.lockOwners(tx, workspaceId);
      const member = await this.workspaces.findMember(workspaceId, userId, tx);
      if (!member) throw new WorkspaceException(WorkspaceErrorCode.MemberNotFound, 'No such member');
      if (member.role === 'owner' && role !== 'owner' && owners.length <= 1) {
        throw new WorkspaceException(WorkspaceErrorCode.LastOwner, 'A workspace keeps at least one owner', {
          field: 'role',
        });
      }
      await this.workspaces.setRole(tx, workspaceId, userId, role);
    });
    this.events.publish('member.roleChanged', { workspaceId, userId, role });
    const updated = await this.workspaces.findMember(workspaceId, userId);
    if (!updated) throw new WorkspaceException(WorkspaceErrorCode.MemberNotFound, 'No such member');
    return toMemberDto(updated);
  }

  /** Owners remove anyone; any member may leave. The last owner cannot go. */
  async removeMember(actor: Actor, workspaceId: string, userId: string): Promise<void> {
    await this.access.require(actor, workspaceId, userId === actor.userId ? 'viewer' : 'owner');
    await this.transactions.run(async (tx) => {
      const owners = await this.workspaces.lockOwners(tx, workspaceId);
      const member = await this.workspaces.findMember(workspaceId, userId, tx);
      if (!member) throw new WorkspaceException(WorkspaceErrorCode.MemberNotFound, 'No such member');
      if (member.role === 'owner' && owners.length <= 1) {
        throw new WorkspaceException(WorkspaceErrorCode.LastOwner, 'A workspace keeps at least one owner');
      }
      await this.workspaces.removeMember(tx, workspaceId, userId);
    });
    this.events.publish('member.removed', { workspaceId, userId });
  }

  private async mustFind(workspaceId: string) {
    const workspace = await this.workspaces.findById(workspaceId);
    if (!workspace) throw new WorkspaceException(WorkspaceErrorCode.NotFound, 'No such workspace');
    return workspace;
  }
}
