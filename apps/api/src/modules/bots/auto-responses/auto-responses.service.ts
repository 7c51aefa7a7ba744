import { Injectable } from '@nestjs/common';
import type {
  AutoResponseDto,
  CreateAutoResponseRequestSchema,
  UpdateAutoResponseRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { BotsErrorCode, BotsException } from '../bots.exception';
import { type AutoResponseRow, AutoResponsesRepository } from './auto-responses.repository';

/** Auto-responses: CRUD for moderators. */
@Injectable()
export class AutoResponsesService {
  constructor(
    private readonly access: WorkspaceAccess,
    private readonly repository: AutoResponsesRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async list(actor: Actor, workspaceId: string): Promise<AutoResponseDto[]> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.listOf(workspaceId);
  }

  /** The auto-responses without an access check (the public API, after its scope check). */
  async listOf(workspaceId: string): Promise<AutoResponseDto[]> {
    return (await this.repository.list(this.tx.none, workspaceId)).map(toAutoResponseDto);
  }

  async get(actor: Actor, workspaceId: string, id: string): Promise<AutoResponseDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const row = await this.repository.find(this.tx.none, workspaceId, id);
    if (!row) throw notFound();
    return toAutoResponseDto(row);
  }

  async create(
    actor: Actor,
    workspaceId: string,
    body: z.output<typeof CreateAutoResponseRequestSchema>,
  ): Promise<AutoResponseDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return toAutoResponseDto(await this.repository.insert(this.tx.none, workspaceId, body));
  }

  async update(
    actor: Actor,
    workspaceId: string,
    id: string,
    body: z.output<typeof UpdateAutoResponseRequestSchema>,
  ): Promise<AutoResponseDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.updateOf(workspaceId, id, body);
  }

  /** The update without an access check (the public API, after its scope check). */
  async updateOf(
    workspaceId: string,
    id: string,
    body: z.output<typeof UpdateAutoResponseRequestSchema>,
  ): Promise<AutoResponseDto> {
    const row = await this.repository.update(this.tx.none, workspaceId, id, body);
    if (!row) throw notFound();
    return toAutoResponseDto(row);
  }

  async remove(actor: Actor, workspaceId: string, id: string): Promise<void> {
    await this.access.require(actor, workspaceId, 'moderator');
    if (!(await this.repository.delete(this.tx.none, workspaceId, id))) throw notFound();
  }
}

export function toAutoResponseDto(row: AutoResponseRow): AutoResponseDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    matchMode: row.match_mode,
    terms: row.terms,
    responses: row.responses,
    globalCooldownSeconds: row.global_cooldown_seconds,
    userCooldownSeconds: row.user_cooldown_seconds,
    platforms: row.platforms,
    enabled: row.enabled,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function notFound(): BotsException {
  return new BotsException(BotsErrorCode.AutoResponseNotFound, 'No such auto-response');
}
