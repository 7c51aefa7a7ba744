import { Injectable } from '@nestjs/common';
import type { ChatLogDto, ChatLogQuerySchema } from '@podium/contracts';
import type { z } from 'zod';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { ChatEventsRepository } from './chat-events.repository';

/** The merged chat log an organizer reads: every platform's events of the workspace, in arrival order. */
@Injectable()
export class ChatLogService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly events: ChatEventsRepository,
    private readonly access: WorkspaceAccess,
  ) {}

  async page(
    actor: Actor,
    workspaceId: string,
    query: z.output<typeof ChatLogQuerySchema>,
  ): Promise<ChatLogDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    return { events: await this.events.log(this.tx.none, workspaceId, query) };
  }
}
