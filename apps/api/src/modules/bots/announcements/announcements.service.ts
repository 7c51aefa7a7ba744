import { Injectable } from '@nestjs/common';
import type {
  AnnouncementDto,
  CreateAnnouncementRequestSchema,
  UpdateAnnouncementRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { ConnectionsService } from '../../chat/connections/connections.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { BotsErrorCode, BotsException } from '../bots.exception';
import { AnnouncementsRepository, toAnnouncementDto } from './announcements.repository';

/** The organizer's side of periodic announcements: list, create, edit, delete (moderators). */
@Injectable()
export class AnnouncementsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: AnnouncementsRepository,
    private readonly access: WorkspaceAccess,
    private readonly connections: ConnectionsService,
  ) {}

  async list(actor: Actor, workspaceId: string): Promise<AnnouncementDto[]> {
    await this.access.require(actor, workspaceId, 'moderator');
    return (await this.repository.list(this.tx.none, workspaceId)).map(toAnnouncementDto);
  }

  async get(actor: Actor, workspaceId: string, id: string): Promise<AnnouncementDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const row = await this.repository.find(this.tx.none, workspaceId, id);
    if (!row) throw notFound();
    return toAnnouncementDto(row);
  }

  async create(
    actor: Actor,
    workspaceId: string,
    request: z.output<typeof CreateAnnouncementRequestSchema>,
  ): Promise<AnnouncementDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    await this.requireConnections(workspaceId, request.connectionIds);
    return toAnnouncementDto(await this.repository.insert(this.tx.none, workspaceId, request));
  }

  async update(
    actor: Actor,
    workspaceId: string,
    id: string,
    request: z.output<typeof UpdateAnnouncementRequestSchema>,
  ): Promise<AnnouncementDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    if (request.connectionIds) await this.requireConnections(workspaceId, request.connectionIds);
    const row = await this.repository.update(this.tx.none, workspaceId, id, request);
    if (!row) throw notFound();
    return toAnnouncementDto(row);
  }

  async remove(actor: Actor, workspaceId: string, id: string): Promise<void> {
    await this.access.require(actor, workspaceId, 'moderator');
    if (!(await this.repository.remove(this.tx.none, workspaceId, id))) throw notFound();
  }

  private async requireConnections(workspaceId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const known = new Set((await this.connections.forWorkspace(workspaceId)).map((c) => c.id));
    if (ids.some((id) => !known.has(id))) {
      throw new BotsException(
        BotsErrorCode.UnknownConnection,
        'Some of these connections are not in this workspace',
        {
          field: 'connectionIds',
        },
      );
    }
  }
}

function notFound(): BotsException {
  return new BotsException(BotsErrorCode.AnnouncementNotFound, 'No such announcement in this workspace');
}
