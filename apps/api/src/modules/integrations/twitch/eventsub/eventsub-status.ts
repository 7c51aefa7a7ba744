import { Injectable, Logger } from '@nestjs/common';
import { TWITCH_EVENT_TYPES } from '@podium/chat';
import { ConnectionsService } from '../../../chat/connections/connections.service';
import { stateOf } from '../twitch-credentials';

/** Statuses under which a subscription delivers (or is about to). */
const HEALTHY = new Set(['enabled', 'webhook_callback_verification_pending', 'pending']);

/**
 * What Twitch says about each EventSub subscription of a channel, written to the `state` of every
 * connection of that channel (the connections page shows it) and turned into the connection's
 * status: anything revoked or refused needs the organizer's attention, with the reason in words.
 */
@Injectable()
export class EventSubStatuses {
  private readonly logger = new Logger(EventSubStatuses.name);
  private readonly byChannel = new Map<string, Record<string, string>>();
  private readonly reasons = new Map<string, Record<string, string>>();
  /** One write at a time per channel, in order, so a later status never loses to an earlier one. */
  private readonly writes = new Map<string, Promise<void>>();

  constructor(private readonly connections: ConnectionsService) {}

  set(channelId: string, type: string, status: string, reason?: string): void {
    this.byChannel.set(channelId, { ...(this.byChannel.get(channelId) ?? {}), [type]: status });
    const reasons = { ...(this.reasons.get(channelId) ?? {}) };
    if (reason) reasons[type] = reason;
    else delete reasons[type];
    this.reasons.set(channelId, reasons);
  }

  get(channelId: string, type: string): string | undefined {
    return this.byChannel.get(channelId)?.[type];
  }

  /**
   * Starts from what the channel's connections show when this process holds nothing for it (its
   * subscriptions were made by another replica), so one change does not erase the others.
   */
  async loadStored(channelId: string): Promise<void> {
    if (this.byChannel.has(channelId)) return;
    const [connection] = await this.connections.byAccount('twitch', channelId);
    const stored = stateOf(connection?.state ?? {}).subscriptions ?? {};
    if (!this.byChannel.has(channelId)) this.byChannel.set(channelId, stored);
  }

  forget(channelId: string): void {
    this.byChannel.delete(channelId);
    this.reasons.delete(channelId);
  }

  /** Saves the channel's statuses to its connections and sets their status; resolves when written. */
  write(channelId: string): Promise<void> {
    const previous = this.writes.get(channelId) ?? Promise.resolve();
    const next = previous
      .then(() => this.save(channelId))
      .catch((error: unknown) =>
        this.logger.error({ err: error, twitchChannelId: channelId }, 'saving EventSub statuses failed'),
      );
    this.writes.set(channelId, next);
    return next;
  }

  private async save(channelId: string): Promise<void> {
    const statuses = this.byChannel.get(channelId) ?? {};
    const reasons = this.reasons.get(channelId) ?? {};
    const broken = TWITCH_EVENT_TYPES.filter((type) => statuses[type] && !HEALTHY.has(statuses[type]));
    const detail =
      broken.length === 0
        ? null
        : `Twitch subscriptions need attention: ${broken
            .map((type) => `${type} ${statuses[type]}${reasons[type] ? ` (${reasons[type]})` : ''}`)
            .join('; ')}`;
    for (const connection of await this.connections.byAccount('twitch', channelId)) {
      if (connection.status === 'disconnected') continue;
      await this.connections.patchState(connection.id, { subscriptions: statuses }, { announce: false });
      await this.connections.setStatus(
        connection.id,
        broken.length > 0 ? 'needs_attention' : 'connected',
        detail,
      );
    }
  }
}
