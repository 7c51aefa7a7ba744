import { Injectable } from '@nestjs/common';
import { normalizeOwncastClients } from '@podium/chat';
import type { ConnectionDto, ConnectOwncastRequestSchema } from '@podium/contracts';
import type { z } from 'zod';
import type { Actor } from '../../auth/auth.service';
import { ChatErrorCode, ChatException } from '../../chat/chat.exception';
import { ConnectionsService } from '../../chat/connections/connections.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { OWNCAST_TOKEN_REFUSED } from './owncast.adapter';
import { OwncastApiClient } from './owncast-api.client';
import { type OwncastCredentials, normalizeInstanceUrl } from './owncast-credentials';

export type ConnectOwncastInput = z.output<typeof ConnectOwncastRequestSchema>;

/** Connecting an Owncast instance: the token is tried against the instance before anything is stored. */
@Injectable()
export class OwncastConnectService {
  constructor(
    private readonly access: WorkspaceAccess,
    private readonly api: OwncastApiClient,
    private readonly connections: ConnectionsService,
  ) {}

  async connect(actor: Actor, workspaceId: string, input: ConnectOwncastInput): Promise<ConnectionDto> {
    await this.access.require(actor, workspaceId, 'owner');
    const instanceUrl = normalizeInstanceUrl(input.instanceUrl);
    await this.checkToken(instanceUrl, input.accessToken);
    const webhookSecret = input.webhookSecret?.trim() || undefined;
    const connection = await this.connections.connect<OwncastCredentials>({
      workspaceId,
      platform: 'owncast',
      accountId: instanceUrl,
      accountName: instanceUrl,
      credentials: { accessToken: input.accessToken, ...(webhookSecret ? { webhookSecret } : {}) },
      withWebhookKey: true,
    });
    // There is nothing to start: the token works and Owncast pushes webhooks once the URL is pasted.
    await this.connections.setStatus(connection.id, 'connected');
    const fresh = await this.connections.requireInWorkspace(workspaceId, connection.id);
    return this.connections.toDto(fresh);
  }

  /**
   * GET /api/integrations/clients answers 200 only to a valid token with admin access, the widest
   * scope Podium needs, so one call proves the URL is an Owncast and the token is good.
   */
  private async checkToken(instanceUrl: string, accessToken: string): Promise<void> {
    const result = await this.api.listClients(instanceUrl, accessToken);
    switch (result.kind) {
      case 'ok':
        if (!normalizeOwncastClients(result.body).ok) {
          throw rejected(
            `${instanceUrl} answered, but not like an Owncast instance (its client list is not one)`,
          );
        }
        return;
      case 'unauthorized':
        throw rejected(
          `${OWNCAST_TOKEN_REFUSED}, with the scopes "Can send chat messages", "Can send system messages" and "Has admin access"`,
        );
      case 'rejected':
        throw rejected(
          result.status === 404
            ? `${instanceUrl} has no Owncast integrations API (is the URL the Owncast server's address?)`
            : `${instanceUrl}: ${result.detail}`,
        );
      case 'unavailable':
        throw rejected(`Could not reach Owncast at ${instanceUrl}: ${result.detail}`);
    }
  }
}

function rejected(message: string): ChatException {
  return new ChatException(ChatErrorCode.PlatformRejected, message, { field: 'instanceUrl' });
}
