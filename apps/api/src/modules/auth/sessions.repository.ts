import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, MoreThan, type Repository } from 'typeorm';
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
  async findUserByTokenHash(tokenHash: string, now: Date): Promise<UserEntity | null> {
    const session = await this.sessions.findOneBy({ tokenHash, expiresAt: MoreThan(now) });
    if (!session) return null;
    return this.sessions.manager.findOneBy(UserEntity, { id: session.userId });
  }

  async deleteByTokenHash(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.sessions.delete({ expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }
}
