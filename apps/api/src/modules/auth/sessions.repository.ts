import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>) {}

  async create(
    tx: Tx,
    session: Pick<SessionEntity, 'userId' | 'tokenHash' | 'expiresAt' | 'userAgent'>,
  ): Promise<void> {
    await tx.insert(SessionEntity, session);
  }

  /** The user behind a live session, or null when the token is unknown or expired. */
  /** One query: it runs on every authenticated request. */
  findUserByTokenHash(tokenHash: string, now: Date): Promise<UserEntity | null> {
    return this.sessions.manager
      .createQueryBuilder(UserEntity, 'u')
      .innerJoin(SessionEntity, 's', 's.user_id = u.id')
      .where('s.token_hash = :tokenHash AND s.expires_at > :now', { tokenHash, now })
      .getOne();
  }

  async deleteByTokenHash(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.sessions.delete({ expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }
}
