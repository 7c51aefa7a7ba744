import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@podium/contracts';
import type { Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { WorkspaceMemberEntity } from './workspace-member.entity';
import { WorkspaceEntity } from './workspace.entity';

@Injectable()
export class WorkspacesRepository {
  constructor(
    @InjectRepository(WorkspaceEntity) private readonly workspaces: Repository<WorkspaceEntity>,
    @InjectRepository(WorkspaceMemberEntity) private readonly members: Repository<WorkspaceMemberEntity>,
  ) {}

  async createWithOwner(tx: Tx, name: string, ownerUserId: string): Promise<WorkspaceEntity> {
    const workspace = await tx.save(tx.create(WorkspaceEntity, { name }));
    await tx.insert(WorkspaceMemberEntity, { workspaceId: workspace.id, userId: ownerUserId, role: 'owner' });
    return workspace;
  }

  findById(id: string): Promise<WorkspaceEntity | null> {
    return this.workspaces.findOneBy({ id });
  }

  async rename(id: string, name: string): Promise<WorkspaceEntity | null> {
    await this.workspaces.update({ id }, { name });
    return this.findById(id);
  }

  findMembership(workspaceId: string, userId: string): Promise<WorkspaceMemberEntity | null> {
    return this.members.findOneBy({ workspaceId, userId });
  }

  /** Every workspace the user belongs to, oldest membership first. */
  membershipsOf(userId: string): Promise<WorkspaceMemberEntity[]> {
    return this.members.find({
      where: { userId },
      relations: { workspace: true },
      order: { joinedAt: 'ASC' },
    });
  }

  listMembers(workspaceId: string): Promise<WorkspaceMemberEntity[]> {
    return this.members.find({
      where: { workspaceId },
      relations: { user: true },
      order: { joinedAt: 'ASC' },
    });
  }

  /** Pass the open transaction when calling inside one: the embedded database runs one at a time. */
  findMember(
    workspaceId: string,
    userId: string,
    tx: Tx = this.members.manager,
  ): Promise<WorkspaceMemberEntity | null> {
    return tx.findOne(WorkspaceMemberEntity, { where: { workspaceId, userId }, relations: { user: true } });
  }

  /** Inserts a membership; false when the user already belongs to the workspace. */
  async addMember(tx: Tx, workspaceId: string, userId: string, role: Role): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(WorkspaceMemberEntity)
      .values({ workspaceId, userId, role })
      .orIgnore()
      .returning(['user_id'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  /** Locks the workspace's owner rows so that two demotions cannot both remove the last owner. */
  async lockOwners(tx: Tx, workspaceId: string): Promise<string[]> {
    const owners = await tx
      .createQueryBuilder(WorkspaceMemberEntity, 'm')
      .setLock('pessimistic_write')
      .where('m.workspace_id = :workspaceId AND m.role = :role', { workspaceId, role: 'owner' })
      .getMany();
    return owners.map((owner) => owner.userId);
  }

  async setRole(tx: Tx, workspaceId: string, userId: string, role: Role): Promise<void> {
    await tx.update(WorkspaceMemberEntity, { workspaceId, userId }, { role });
  }

  async removeMember(tx: Tx, workspaceId: string, userId: string): Promise<void> {
    await tx.delete(WorkspaceMemberEntity, { workspaceId, userId });
  }
}
