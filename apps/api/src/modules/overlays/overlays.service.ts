import { Injectable } from '@nestjs/common';
import type { CreatedOverlayTokenDto, OverlayTokenDto } from '@podium/contracts';
import { DomainEvents } from '../../common/events/domain-events';
import { hashToken, newSecretToken } from '../../common/tokens';
import type { Actor } from '../auth/auth.service';
import { WorkspaceAccess } from '../workspaces/workspace-access.service';
import type { OverlayTokenEntity } from './overlay-token.entity';
import { OverlayTokensRepository } from './overlay-tokens.repository';
import { OverlayErrorCode, OverlayException } from './overlays.exception';

function toOverlayTokenDto(token: OverlayTokenEntity): OverlayTokenDto {
  return {
    id: token.id,
    label: token.label,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}

/** Read-only, revocable tokens that OBS browser sources put in their URL. */
@Injectable()
export class OverlaysService {
  constructor(
    private readonly tokens: OverlayTokensRepository,
    private readonly access: WorkspaceAccess,
    private readonly events: DomainEvents,
  ) {}

  async list(actor: Actor, workspaceId: string): Promise<OverlayTokenDto[]> {
    await this.access.require(actor, workspaceId, 'moderator');
    return (await this.tokens.listActive(workspaceId)).map(toOverlayTokenDto);
  }

  async create(actor: Actor, workspaceId: string, label: string): Promise<CreatedOverlayTokenDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const token = newSecretToken();
    const created = await this.tokens.create({ workspaceId, label, tokenHash: hashToken(token) });
    return { ...toOverlayTokenDto(created), token };
  }

  async revoke(actor: Actor, workspaceId: string, tokenId: string): Promise<void> {
    await this.access.require(actor, workspaceId, 'moderator');
    if (!(await this.tokens.revoke(workspaceId, tokenId, new Date()))) {
      throw new OverlayException(OverlayErrorCode.TokenNotFound, 'No such active overlay token');
    }
    this.events.publish('overlayToken.revoked', { workspaceId, tokenId });
  }

  /** The workspace an overlay token opens, or null when it is unknown or revoked. */
  async resolve(token: string): Promise<{ workspaceId: string; tokenId: string } | null> {
    if (token.length > 200) return null;
    const found = await this.tokens.useActive(hashToken(token), new Date());
    return found ? { workspaceId: found.workspaceId, tokenId: found.id } : null;
  }
}
