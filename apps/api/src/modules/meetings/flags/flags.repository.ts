import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../../../database/transaction';
import { FlagCaptureEntity } from './flag-capture.entity';
import { FlagEntity } from './flag.entity';

export type FlagFields = Pick<FlagEntity, 'workspaceId' | 'meetingId' | 'name' | 'code' | 'points'>;

export interface FlagWithCaptures {
  flag: FlagEntity;
  captures: number;
}

@Injectable()
export class FlagsRepository {
  constructor(@InjectRepository(FlagEntity) private readonly flags: Repository<FlagEntity>) {}

  /** Oldest first, each with how often it was captured. */
  async listByWorkspace(workspaceId: string): Promise<FlagWithCaptures[]> {
    const flags = await this.flags.find({ where: { workspaceId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const counts = await this.captureCounts(flags.map((f) => f.id));
    return flags.map((flag) => ({ flag, captures: counts.get(flag.id) ?? 0 }));
  }

  find(workspaceId: string, id: string, tx: Tx = this.flags.manager): Promise<FlagEntity | null> {
    return tx.findOneBy(FlagEntity, { workspaceId, id });
  }

  /** A flag of the workspace by its normalized code. */
  findByCode(workspaceId: string, code: string, tx: Tx = this.flags.manager): Promise<FlagEntity | null> {
    return tx.findOneBy(FlagEntity, { workspaceId, code });
  }

  /** Inserts the flag; null when the workspace already has a flag with this code. */
  async insert(fields: FlagFields): Promise<FlagEntity | null> {
    const result = await this.flags
      .createQueryBuilder()
      .insert()
      .into(FlagEntity)
      .values(fields)
      .orIgnore()
      .returning(['id'])
      .execute();
    const row = (result.raw as { id: string }[])[0];
    return row ? this.find(fields.workspaceId, row.id) : null;
  }

  /** Throws a unique violation of `uq_flags_workspace_code` when the new code is taken. */
  async update(
    workspaceId: string,
    id: string,
    patch: Partial<Omit<FlagFields, 'workspaceId'>>,
  ): Promise<FlagEntity | null> {
    if (Object.keys(patch).length > 0) await this.flags.update({ workspaceId, id }, patch);
    return this.find(workspaceId, id);
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.flags.delete({ workspaceId, id });
    return (result.affected ?? 0) > 0;
  }

  async captureCount(flagId: string): Promise<number> {
    return (await this.captureCounts([flagId])).get(flagId) ?? 0;
  }

  private async captureCounts(flagIds: string[]): Promise<Map<string, number>> {
    if (flagIds.length === 0) return new Map();
    const rows = await this.flags.manager
      .createQueryBuilder(FlagCaptureEntity, 'c')
      .select('c.flag_id', 'flagId')
      .addSelect('count(*)::int', 'count')
      .where('c.flag_id = ANY(:flagIds)', { flagIds })
      .groupBy('c.flag_id')
      .getRawMany<{ flagId: string; count: number }>();
    return new Map(rows.map((row) => [row.flagId, row.count]));
  }
}
