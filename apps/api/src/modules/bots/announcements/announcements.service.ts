import { Injectable } from '@nestjs/common';
import { rotateAnnouncement } from '@podium/bots';
import type {
  AnnouncementDto,
  CreateAnnouncementRequestSchema,
  UpdateAnnouncementRequestSchema,
  V1AnnouncementTriggeredDto,
} from '@podium/contracts';
import type { z } from 'zod';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { ConnectionsService } from '../../chat/connections/connections.service';
import { OutboxService } from '../../chat/outbox/outbox.service';
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
    private readonly outbox: OutboxService,
  ) {}

  async list(actor: Actor, workspaceId: string): Promise<AnnouncementDto[]> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.listOf(workspaceId);
  }

  /** The announcements without an access check (the public API, after its scope check). */
  async listOf(workspaceId: string): Promise<AnnouncementDto[]> {
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
    return this.updateOf(workspaceId, id, request);
  }

  /** The update without an access check (the public API, after its scope check). */
  async updateOf(
    workspaceId: string,
    id: string,
    request: z.output<typeof UpdateAnnouncementRequestSchema>,
  ): Promise<AnnouncementDto> {
    if (request.connectionIds) await this.requireConnections(workspaceId, request.connectionIds);
    const row = await this.repository.update(this.tx.none, workspaceId, id, request);
    if (!row) throw notFound();
    return toAnnouncementDto(row);
  }

  async remove(actor: Actor, workspaceId: string, id: string): Promise<void> {
    await this.access.require(actor, workspaceId, 'moderator');
    if (!(await this.repository.remove(this.tx.none, workspaceId, id))) throw notFound();
  }

  /**
   * Posts the next message of the rotation now, enabled or not, whatever its schedule, live-only
   * rule or chat-activity minimum (someone asked for it explicitly): to its chosen connections, or
   * every connected one. The rotation moves on and its period starts again, so the scheduler does
   * not post again right after. No access check: the public API calls it after its scope check.
   */
  async triggerAs(workspaceId: string, id: string): Promise<V1AnnouncementTriggeredDto> {
    const turn = await this.tx.run(async (tx) => {
      const row = await this.repository.findForUpdate(tx, workspaceId, id);
      if (!row) throw notFound();
      const next = rotateAnnouncement(row.messages, row.next_message_index);
      await this.repository.markPosted(tx, row.id, next.nextIndex);
      return { text: next.text, connectionIds: row.connection_ids };
    });
    const chosen = turn.connectionIds.length > 0 ? new Set(turn.connectionIds) : null;
    const targets = (await this.connections.forWorkspace(workspaceId))
      .filter((connection) => connection.status !== 'disconnected')
      .filter((connection) => !chosen || chosen.has(connection.id))
      .map((connection) => connection.id);
    // An empty list would mean "every connection" to the outbox: nothing to post to is nothing posted.
    const queued =
      targets.length > 0 ? await this.outbox.enqueue(workspaceId, turn.text, { connectionIds: targets }) : [];
    return { announcementId: id, text: turn.text, queued };
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
