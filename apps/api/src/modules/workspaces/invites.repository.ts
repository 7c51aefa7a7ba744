import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, type Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { InviteEntity } from './invite.entity';
import { WorkspaceEntity } from './workspace.entity';

@Injectable()
export class InvitesRepository {
  constructor(@InjectRepository(InviteEntity) private readonly invites: Repository<InviteEntity>) {}

  create(invite: Pick<InviteEntity, 'workspaceId' | 'role' | 'tokenHash' | 'createdBy' | 'expiresAt'>) {
    return this.invites.save(this.invites.create(invite));
  }

  listPending(workspaceId: string, now: Date): Promise<InviteEntity[]> {
    return this.invites.find({
      where: { workspaceId, usedAt: IsNull(), expiresAt: MoreThan(now) },
      order: { createdAt: 'DESC' },
    });
  }

  /** Deletes an unused invite; false when there was none. */
  async deletePending(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.invites.delete({ workspaceId, id, usedAt: IsNull() });
    return (result.affected ?? 0) > 0;
  }

  async findUsable(
    tokenHash: string,
    now: Date,
  ): Promise<{ invite: InviteEntity; workspace: WorkspaceEntity } | null> {
    const invite = await this.invites.findOneBy({ tokenHash, usedAt: IsNull(), expiresAt: MoreThan(now) });
    if (!invite) return null;
    const workspace = await this.invites.manager.findOneBy(WorkspaceEntity, { id: invite.workspaceId });
    return workspace ? { invite, workspace } : null;
  }

  /** Marks the invite used in one conditional update: of two racing accepts, one wins. */
  async consume(tx: Tx, tokenHash: string, userId: string, now: Date): Promise<InviteEntity | null> {
    const result = await tx
      .createQueryBuilder()
      .update(InviteEntity)
      .set({ usedAt: now, usedBy: userId })
      .where('token_hash = :tokenHash AND used_at IS NULL AND expires_at > :now', { tokenHash, now })
      .returning('*')
      .execute();
    const row = (result.raw as Record<string, unknown>[])[0];
    if (!row) return null;
    return tx.findOneBy(InviteEntity, { id: row['id'] as string });
  }
}
