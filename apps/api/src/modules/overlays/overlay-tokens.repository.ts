import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { OverlayTokenEntity } from './overlay-token.entity';

@Injectable()
export class OverlayTokensRepository {
  constructor(
    @InjectRepository(OverlayTokenEntity) private readonly tokens: Repository<OverlayTokenEntity>,
  ) {}

  create(
    token: Pick<OverlayTokenEntity, 'workspaceId' | 'label' | 'tokenHash'>,
  ): Promise<OverlayTokenEntity> {
    return this.tokens.save(this.tokens.create(token));
  }

  listActive(workspaceId: string): Promise<OverlayTokenEntity[]> {
    return this.tokens.find({ where: { workspaceId, revokedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  /** Revokes an active token; false when there was none. */
  async revoke(workspaceId: string, id: string, now: Date): Promise<boolean> {
    const result = await this.tokens.update({ workspaceId, id, revokedAt: IsNull() }, { revokedAt: now });
    return (result.affected ?? 0) > 0;
  }

  /** Finds an active token and stamps its last use. */
  async useActive(tokenHash: string, now: Date): Promise<OverlayTokenEntity | null> {
    const token = await this.tokens.findOneBy({ tokenHash, revokedAt: IsNull() });
    if (token) await this.tokens.update({ id: token.id }, { lastUsedAt: now });
    return token;
  }
}
