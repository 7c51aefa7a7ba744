import { Injectable, Logger } from '@nestjs/common';
import type { ChatViewerIdentity } from '@podium/contracts';
import { ConnectionsService } from '../../chat/connections/connections.service';
import { PlatformAdapters } from '../../chat/platform-adapters';
import { ViewersService } from '../../chat/viewers/viewers.service';

/**
 * Viewers a platform lists as watching (Twitch chatters, Owncast connected clients), as Podium
 * viewer ids, for workspaces whose presence mode is `listed`. Asked before a cycle's transaction,
 * never inside it. A platform that refuses or does not answer lists nobody this cycle.
 */
@Injectable()
export class PlatformPresence {
  private readonly logger = new Logger(PlatformPresence.name);

  constructor(
    private readonly connections: ConnectionsService,
    private readonly adapters: PlatformAdapters,
    private readonly viewers: ViewersService,
  ) {}

  /** Listed viewers on these connections (null: all of the workspace's). */
  async listedViewerIds(workspaceId: string, connectionIds: readonly string[] | null): Promise<string[]> {
    const wanted = connectionIds === null ? null : new Set(connectionIds);
    const identities: ChatViewerIdentity[] = [];
    for (const connection of await this.connections.forWorkspace(workspaceId)) {
      // A connection that needs attention (say, a failed subscription) may still list its viewers.
      if (connection.status === 'disconnected' || (wanted && !wanted.has(connection.id))) continue;
      const adapter = this.adapters.find(connection.platform);
      if (!adapter?.listViewers) continue;
      try {
        identities.push(...(await adapter.listViewers(connection)));
      } catch (error) {
        this.logger.warn(
          { err: error, workspaceId, connectionId: connection.id },
          'platform viewer list unavailable; chatters only this cycle',
        );
      }
    }
    return this.viewers.holdersOf(workspaceId, identities);
  }
}
