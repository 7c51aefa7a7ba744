import { Injectable, Logger } from '@nestjs/common';
import type { AlertDto, AlertRequest, AlertsSnapshotDto } from '@podium/contracts';
import { clampAlertDuration, nextAlertSlot, normalizeAlertText } from '@podium/bots';
import { DomainEvents } from '../../../common/events/domain-events';
import { type Tx, TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import type { SocketData } from '../../realtime/socket-data';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { BotsErrorCode, BotsException } from '../bots.exception';
import { AlertQueueRepository } from './alert-queue.repository';
import { CountdownRepository, toTimerDto } from './countdown.repository';

/** Played alerts older than this are deleted when the next one is queued. */
const KEEP_ENDED_MS = 24 * 60 * 60 * 1000;

/**
 * The alert queue every alert goes through (event alerts, revolutions, the timer, tests): each
 * takes the next free slot of its workspace, so alerts never overlap on the overlay.
 */
@Injectable()
export class AlertsService {
  private readonly logger = new Logger(AlertsService.name);

  constructor(
    private readonly repository: AlertQueueRepository,
    private readonly countdowns: CountdownRepository,
    private readonly access: WorkspaceAccess,
    private readonly events: DomainEvents,
    private readonly tx: TransactionRunner,
  ) {}

  /** Queues an alert in its own transaction and announces it (`alert.queued`). */
  async enqueue(workspaceId: string, request: AlertRequest): Promise<AlertDto> {
    const alert = await this.tx.run((tx) => this.enqueueIn(tx, workspaceId, request));
    this.published(alert);
    return alert;
  }

  /**
   * Queues inside the caller's transaction (so a claim of "done once" and the alert commit
   * together). The caller publishes with `published(alert)` after its commit.
   */
  async enqueueIn(tx: Tx, workspaceId: string, request: AlertRequest): Promise<AlertDto> {
    await this.repository.lockWorkspace(tx, workspaceId);
    const wanted = [request.mediaId, request.soundMediaId].filter((id): id is string => id !== null);
    const kinds = await this.repository.mediaKinds(tx, workspaceId, wanted);
    const mediaId =
      request.mediaId && ['image', 'video'].includes(kinds.get(request.mediaId) ?? '')
        ? request.mediaId
        : null;
    const soundMediaId =
      request.soundMediaId && kinds.get(request.soundMediaId) === 'audio' ? request.soundMediaId : null;
    if (mediaId !== request.mediaId || soundMediaId !== request.soundMediaId) {
      this.logger.warn(
        { workspaceId, kind: request.kind },
        'alert media missing or of the wrong kind: left out',
      );
    }
    const now = new Date();
    const durationMs = clampAlertDuration(request.durationMs);
    const slot = nextAlertSlot(now, await this.repository.lastEndsAt(tx, workspaceId), durationMs);
    await this.repository.purgeEndedBefore(tx, workspaceId, new Date(now.getTime() - KEEP_ENDED_MS));
    return this.repository.insert(tx, {
      workspaceId,
      kind: request.kind,
      text: normalizeAlertText(request.text),
      mediaId,
      soundMediaId,
      durationMs,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
    });
  }

  /** Announces a committed alert to overlays and organizers. */
  published(alert: AlertDto): void {
    this.events.publish('alert.queued', { alert });
  }

  /** What an overlay (or an organizer's preview) needs after a (re)connect. */
  async snapshot(workspaceId: string): Promise<AlertsSnapshotDto> {
    const now = new Date();
    const alerts = await this.repository.pending(this.tx.none, workspaceId, now);
    const timer = await this.countdowns.current(this.tx.none, workspaceId);
    return { alerts, timer: timer ? toTimerDto(timer) : null, serverTime: new Date().toISOString() };
  }

  /** Overlays get their own workspace's snapshot; organizers name a workspace they belong to. */
  async snapshotFor(socket: SocketData, workspaceId: string | undefined): Promise<AlertsSnapshotDto> {
    switch (socket.audience) {
      case 'overlay':
        if (workspaceId !== undefined && workspaceId !== socket.workspaceId) {
          throw new BotsException(BotsErrorCode.AlertsForbidden, 'This overlay belongs to another workspace');
        }
        return this.snapshot(socket.workspaceId);
      case 'organizer': {
        if (workspaceId === undefined) {
          throw new BotsException(BotsErrorCode.AlertsForbidden, 'Name the workspace', {
            field: 'workspaceId',
          });
        }
        const actor: Actor = { userId: socket.userId, email: '', displayName: '' };
        await this.access.require(actor, workspaceId, 'viewer');
        return this.snapshot(workspaceId);
      }
      case 'attendee':
        throw new BotsException(BotsErrorCode.AlertsForbidden, 'Attendees do not see alerts');
    }
  }
}
