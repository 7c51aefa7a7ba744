import type { ChatViewerIdentity } from '@podium/contracts';
import { owncastViewerOf } from './owncast-webhook.normalizer';
import { OwncastClientsSchema } from './owncast-webhook.schema';

/** A viewer present in an Owncast chat right now. */
export interface OwncastPresentViewer {
  viewer: ChatViewerIdentity;
  /** The earliest of the viewer's open connections. */
  connectedAt: string | null;
  /** Messages sent over those connections. */
  messageCount: number;
  /** Open chat connections (tabs, devices) of the viewer. */
  connections: number;
}

export type OwncastClientsResult =
  { ok: true; viewers: OwncastPresentViewer[] } | { ok: false; message: string };

/**
 * Reads GET /api/integrations/clients: one entry per chat connection, so a viewer with two tabs is
 * listed twice. Folds them into one entry per user id, in the order first seen. Bots are left out:
 * they are not an audience.
 */
export function normalizeOwncastClients(body: unknown): OwncastClientsResult {
  const parsed = OwncastClientsSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      message: `clients.${(issue?.path ?? []).join('.')} ${issue?.message ?? 'is invalid'}`,
    };
  }
  const byUser = new Map<string, OwncastPresentViewer>();
  for (const client of parsed.data) {
    if (client.user.isBot) continue;
    const connectedAt = validDate(client.connectedAt);
    const seen = byUser.get(client.user.id);
    if (!seen) {
      byUser.set(client.user.id, {
        viewer: owncastViewerOf(client.user),
        connectedAt,
        messageCount: client.messageCount ?? 0,
        connections: 1,
      });
      continue;
    }
    seen.connections += 1;
    seen.messageCount += client.messageCount ?? 0;
    if (connectedAt && (!seen.connectedAt || connectedAt < seen.connectedAt)) seen.connectedAt = connectedAt;
  }
  return { ok: true, viewers: [...byUser.values()] };
}

function validDate(value: string | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) || ms <= 0 ? null : new Date(ms).toISOString();
}
