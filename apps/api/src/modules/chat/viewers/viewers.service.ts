import { Injectable } from '@nestjs/common';
import type { ChatViewerIdentity, MergeViewersRequest, ViewerDto } from '@podium/contracts';
import { DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { ChatErrorCode, ChatException } from '../chat.exception';
import { ViewersRepository } from './viewers.repository';

@Injectable()
export class ViewersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly viewers: ViewersRepository,
    private readonly access: WorkspaceAccess,
    private readonly events: DomainEvents,
  ) {}

  /**
   * The viewer ids (merge targets) of identities a platform listed, creating the unknown ones: for
   * points presence, which pays viewers who watch without chatting.
   */
  holdersOf(workspaceId: string, identities: readonly ChatViewerIdentity[]): Promise<string[]> {
    if (identities.length === 0) return Promise.resolve([]);
    return this.tx.run((tx) => this.viewers.upsertMany(tx, workspaceId, identities, new Date()));
  }

  async search(actor: Actor, workspaceId: string, query: string): Promise<ViewerDto[]> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.viewers.search(this.tx.none, workspaceId, query.trim().slice(0, 100), 50);
  }

  /** Links the same person's identity on another platform; their history follows. Repeating it is a no-op. */
  async merge(actor: Actor, workspaceId: string, request: MergeViewersRequest): Promise<ViewerDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const { sourceViewerId, targetViewerId } = request;
    if (sourceViewerId === targetViewerId) {
      throw new ChatException(ChatErrorCode.MergeInvalid, 'A viewer cannot be merged into itself', {
        field: 'targetViewerId',
      });
    }
    const { target, changed } = await this.tx.run(async (tx) => {
      const pair = await this.viewers.lockPair(tx, workspaceId, [sourceViewerId, targetViewerId]);
      const source = pair.find((viewer) => viewer.id === sourceViewerId);
      const target = pair.find((viewer) => viewer.id === targetViewerId);
      if (!source || !target) {
        throw new ChatException(ChatErrorCode.ViewerNotFound, 'No such viewer in this workspace');
      }
      if (target.mergedIntoId) {
        throw new ChatException(
          ChatErrorCode.MergeInvalid,
          'The target was itself merged into another viewer',
          {
            field: 'targetViewerId',
          },
        );
      }
      if (source.mergedIntoId === target.id) return { target, changed: false };
      await this.viewers.merge(tx, source.id, target.id);
      return { target, changed: true };
    });
    if (changed) this.events.publish('viewer.merged', { workspaceId, sourceViewerId, targetViewerId });
    return target;
  }
}
