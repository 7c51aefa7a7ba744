import { Injectable } from '@nestjs/common';
import type {
  CreateRevolutionBotRequestSchema,
  RevolutionBotDto,
  RevolutionProgressDto,
  RevolutionsSnapshotDto,
  UpdateRevolutionBotRequestSchema,
} from '@podium/contracts';
import { revolutionWindow } from '@podium/bots';
import type { z } from 'zod';
import { type Tx, TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import type { SocketData } from '../../realtime/socket-data';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { BotsErrorCode, BotsException } from '../bots.exception';
import { MediaService } from '../media/media.service';
import { type RevolutionRow, RevolutionsRepository, toRevolutionBotDto } from './revolutions.repository';

/** A bot's progress as the wire shows it; `count` is what was counted at `now`. */
export function toRevolutionProgressDto(row: RevolutionRow, count: number, now: Date): RevolutionProgressDto {
  return {
    revolutionId: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    trigger: row.trigger,
    count,
    threshold: row.threshold,
    windowSeconds: row.window_seconds,
    cooldownUntil: row.cooldown_until && row.cooldown_until > now ? row.cooldown_until.toISOString() : null,
    firedAt: row.fired_at ? row.fired_at.toISOString() : null,
    showOnOverlay: row.show_on_overlay,
    at: now.toISOString(),
  };
}

/** The organizer's side of revolution bots: settings (moderators), progress and snapshots. */
@Injectable()
export class RevolutionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: RevolutionsRepository,
    private readonly access: WorkspaceAccess,
    private readonly media: MediaService,
  ) {}

  async list(actor: Actor, workspaceId: string): Promise<RevolutionBotDto[]> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.listOf(workspaceId);
  }

  /** The revolution bots without an access check (the public API, after its scope check). */
  async listOf(workspaceId: string): Promise<RevolutionBotDto[]> {
    return (await this.repository.list(this.tx.none, workspaceId)).map(toRevolutionBotDto);
  }

  async get(actor: Actor, workspaceId: string, id: string): Promise<RevolutionBotDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return toRevolutionBotDto(await this.require(this.tx.none, workspaceId, id));
  }

  async create(
    actor: Actor,
    workspaceId: string,
    request: z.output<typeof CreateRevolutionBotRequestSchema>,
  ): Promise<RevolutionBotDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    await this.requireMedia(workspaceId, request);
    return toRevolutionBotDto(await this.repository.insert(this.tx.none, workspaceId, request));
  }

  async update(
    actor: Actor,
    workspaceId: string,
    id: string,
    request: z.output<typeof UpdateRevolutionBotRequestSchema>,
  ): Promise<RevolutionBotDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.updateOf(workspaceId, id, request);
  }

  /** The update without an access check (the public API, after its scope check). */
  async updateOf(
    workspaceId: string,
    id: string,
    request: z.output<typeof UpdateRevolutionBotRequestSchema>,
  ): Promise<RevolutionBotDto> {
    await this.requireMedia(workspaceId, request);
    const row = await this.repository.update(this.tx.none, workspaceId, id, request);
    if (!row) throw notFound();
    return toRevolutionBotDto(row);
  }

  async remove(actor: Actor, workspaceId: string, id: string): Promise<void> {
    await this.access.require(actor, workspaceId, 'moderator');
    if (!(await this.repository.remove(this.tx.none, workspaceId, id))) throw notFound();
  }

  /** `GET …/bots/revolutions/:id/progress` (anyone of the workspace may watch it). */
  async progress(actor: Actor, workspaceId: string, id: string): Promise<RevolutionProgressDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    const row = await this.require(this.tx.none, workspaceId, id);
    return this.progressOf(this.tx.none, row);
  }

  /** Overlays get their workspace's bots shown on the overlay; organizers every bot of a workspace they belong to. */
  async snapshotFor(socket: SocketData, workspaceId: string | undefined): Promise<RevolutionsSnapshotDto> {
    switch (socket.audience) {
      case 'overlay': {
        if (workspaceId !== undefined && workspaceId !== socket.workspaceId) {
          throw new BotsException(
            BotsErrorCode.RevolutionNotFound,
            'This overlay belongs to another workspace',
          );
        }
        const rows = await this.repository.listEnabled(this.tx.none, socket.workspaceId);
        return this.snapshot(rows.filter((row) => row.show_on_overlay));
      }
      case 'organizer': {
        if (workspaceId === undefined) {
          throw new BotsException(BotsErrorCode.RevolutionNotFound, 'Name the workspace', {
            field: 'workspaceId',
          });
        }
        const actor: Actor = { userId: socket.userId, email: '', displayName: '' };
        await this.access.require(actor, workspaceId, 'viewer');
        return this.snapshot(await this.repository.list(this.tx.none, workspaceId));
      }
      case 'attendee':
        throw new BotsException(BotsErrorCode.RevolutionNotFound, 'Attendees do not see revolution bots');
    }
  }

  private async snapshot(rows: RevolutionRow[]): Promise<RevolutionsSnapshotDto> {
    const revolutions: RevolutionProgressDto[] = [];
    for (const row of rows) revolutions.push(await this.progressOf(this.tx.none, row));
    return { revolutions, serverTime: new Date().toISOString() };
  }

  private async progressOf(tx: Tx, row: RevolutionRow): Promise<RevolutionProgressDto> {
    const now = await this.repository.clock(tx);
    const window = revolutionWindow({ windowSeconds: row.window_seconds }, { firedAt: row.fired_at }, now);
    const count = await this.repository.countViewers(tx, row.id, window.from, window.afterFire, now);
    return toRevolutionProgressDto(row, count, now);
  }

  private async require(tx: Tx, workspaceId: string, id: string): Promise<RevolutionRow> {
    const row = await this.repository.find(tx, workspaceId, id);
    if (!row) throw notFound();
    return row;
  }

  private async requireMedia(
    workspaceId: string,
    request: { mediaId?: string | null; soundMediaId?: string | null },
  ): Promise<void> {
    if (request.mediaId)
      await this.media.requireUsable(workspaceId, request.mediaId, ['image', 'video'], 'mediaId');
    if (request.soundMediaId) {
      await this.media.requireUsable(workspaceId, request.soundMediaId, ['audio'], 'soundMediaId');
    }
  }
}

function notFound(): BotsException {
  return new BotsException(BotsErrorCode.RevolutionNotFound, 'No such revolution bot in this workspace');
}
