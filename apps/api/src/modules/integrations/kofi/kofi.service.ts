import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { normalizeKofiEmail } from '@podium/chat';
import {
  type CreateKofiLinkRequest,
  DEFAULT_KOFI_POINTS_PER_UNIT,
  type KofiLinkDto,
  type KofiLinkResultDto,
  type KofiLinkSource,
  type KofiPaymentDto,
  type KofiPaymentsQuery,
  type KofiSettingsDto,
  type UpdateKofiSettingsRequest,
  roleAtLeast,
} from '@podium/contracts';
import { SecretBox } from '../../../common/crypto/secret-box';
import type { Tx } from '../../../database/transaction';
import { TransactionRunner } from '../../../database/transaction';
import { AppConfig } from '../../../config/app-config';
import type { Actor } from '../../auth/auth.service';
import { PointsLedger } from '../../points/points-ledger';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { KofiErrorCode, KofiException } from './kofi.exception';
import { toKofiLinkDto, toKofiPaymentDto } from './kofi.mappers';
import { type KofiSettingsRow, KofiRepository } from './kofi.repository';

/** What a link applied: pending payments credited now. */
interface Applied {
  payments: number;
  points: number;
}

/**
 * Ko-fi per workspace: settings (owners), links between viewers and the e-mails they pay with,
 * the payments list, and the two questions other modules ask (is this viewer linked, a supporter).
 */
@Injectable()
export class KofiService {
  constructor(
    private readonly repository: KofiRepository,
    private readonly access: WorkspaceAccess,
    private readonly runner: TransactionRunner,
    private readonly ledger: PointsLedger,
    private readonly box: SecretBox,
    private readonly config: AppConfig,
  ) {}

  async settings(actor: Actor, workspaceId: string): Promise<KofiSettingsDto> {
    await this.access.require(actor, workspaceId, 'owner');
    return this.toSettingsDto(await this.ensureSettings(this.runner.none, workspaceId));
  }

  async updateSettings(
    actor: Actor,
    workspaceId: string,
    request: UpdateKofiSettingsRequest,
  ): Promise<KofiSettingsDto> {
    await this.access.require(actor, workspaceId, 'owner');
    const row = await this.runner.run(async (tx) => {
      await this.ensureSettings(tx, workspaceId);
      await this.repository.updateSettings(tx, workspaceId, {
        verificationToken:
          request.verificationToken === undefined ? undefined : this.box.seal(request.verificationToken),
        pointsPerUnit: request.pointsPerUnit,
        webhookKey: request.rotateWebhookUrl ? newWebhookKey() : undefined,
      });
      return this.repository.findSettings(tx, workspaceId);
    });
    if (!row) throw new Error('kofi settings vanished during update');
    return this.toSettingsDto(row);
  }

  /** Moderators see who is linked; only owners see the e-mails. */
  async links(actor: Actor, workspaceId: string): Promise<KofiLinkDto[]> {
    const role = await this.access.require(actor, workspaceId, 'moderator');
    const rows = await this.repository.listLinks(this.runner.none, workspaceId);
    return rows.map((row) => toKofiLinkDto(row, roleAtLeast(role, 'owner')));
  }

  /** A moderator links by hand; an e-mail another viewer linked moves to this one. */
  async linkByModerator(
    actor: Actor,
    workspaceId: string,
    request: CreateKofiLinkRequest,
  ): Promise<KofiLinkResultDto> {
    const role = await this.access.require(actor, workspaceId, 'moderator');
    return this.link(
      workspaceId,
      request.viewerId,
      request.email,
      'moderator',
      actor.userId,
      role === 'owner',
    );
  }

  async unlink(actor: Actor, workspaceId: string, linkId: string): Promise<void> {
    await this.access.require(actor, workspaceId, 'moderator');
    const deleted = await this.repository.deleteLink(this.runner.none, workspaceId, linkId);
    if (!deleted) throw new KofiException(KofiErrorCode.LinkNotFound, 'No such Ko-fi link in this workspace');
  }

  async payments(actor: Actor, workspaceId: string, query: KofiPaymentsQuery): Promise<KofiPaymentDto[]> {
    const role = await this.access.require(actor, workspaceId, 'moderator');
    const rows = await this.repository.listPayments(this.runner.none, workspaceId, query.status, query.limit);
    return rows.map((row) => toKofiPaymentDto(row, roleAtLeast(role, 'owner')));
  }

  /**
   * The viewer panel's link (the caller authenticated the viewer): a viewer cannot take an e-mail
   * another viewer linked. Pending payments of the e-mail are credited once, in the same transaction.
   */
  linkEmail(workspaceId: string, viewerId: string, email: string): Promise<KofiLinkResultDto> {
    return this.link(workspaceId, viewerId, email, 'viewer', null, false);
  }

  /** Whether any identity of the viewer has a Ko-fi e-mail linked. */
  isLinked(workspaceId: string, viewerId: string): Promise<boolean> {
    return this.repository.hasLink(this.runner.none, workspaceId, viewerId);
  }

  /** Eligibility "Ko-fi supporters": the viewer (or an identity merged into it) has paid through Ko-fi. */
  async isSupporter(workspaceId: string, viewerId: string): Promise<boolean> {
    const holder = await this.repository.resolveViewer(this.runner.none, workspaceId, viewerId);
    return holder ? this.repository.hasPaid(this.runner.none, workspaceId, holder) : false;
  }

  private async link(
    workspaceId: string,
    viewerId: string,
    rawEmail: string,
    source: KofiLinkSource,
    actorUserId: string | null,
    showEmail: boolean,
  ): Promise<KofiLinkResultDto> {
    const email = normalizeKofiEmail(rawEmail);
    if (!email) {
      throw new KofiException(KofiErrorCode.InvalidEmail, 'This is not an e-mail address', {
        field: 'email',
      });
    }
    const { linkId, applied } = await this.ledger.run(async (tx) => {
      const holder = await this.repository.resolveViewer(tx, workspaceId, viewerId);
      if (!holder) throw new KofiException(KofiErrorCode.ViewerNotFound, 'No such viewer in this workspace');
      await this.repository.lockEmail(tx, workspaceId, email);
      const existing = await this.repository.findLinkByEmail(tx, workspaceId, email);
      if (existing && source === 'viewer') {
        const owner = await this.repository.resolveViewer(tx, workspaceId, existing.viewerId);
        if (owner !== holder) {
          throw new KofiException(
            KofiErrorCode.EmailTaken,
            'Another viewer linked this e-mail; ask a moderator if it is yours',
            { field: 'email' },
          );
        }
      }
      const linkId =
        existing && source === 'viewer'
          ? existing.id
          : await this.repository.upsertLink(tx, {
              workspaceId,
              email,
              viewerId: holder,
              linkedBy: source,
              actorUserId,
            });
      return { linkId, applied: await this.applyPending(tx, workspaceId, email, holder) };
    });
    const row = await this.repository.findLink(this.runner.none, workspaceId, linkId);
    if (!row) throw new KofiException(KofiErrorCode.LinkNotFound, 'The Ko-fi link was removed meanwhile');
    return {
      link: toKofiLinkDto(row, showEmail),
      appliedPayments: applied.payments,
      appliedPoints: applied.points,
    };
  }

  /** Credits the e-mail's pending payments to the viewer (each once, by its `kofi:<txid>` key). */
  private async applyPending(tx: Tx, workspaceId: string, email: string, viewerId: string): Promise<Applied> {
    const applied: Applied = { payments: 0, points: 0 };
    for (const payment of await this.repository.unattributedForEmail(tx, workspaceId, email)) {
      if (payment.status !== 'pending' || payment.points <= 0) {
        await this.repository.attribute(tx, payment.id, viewerId, false);
        continue;
      }
      const credit = await this.ledger.credit(tx, {
        workspaceId,
        viewerId,
        amount: payment.points,
        reason: 'kofi',
        sourceKey: `kofi:${payment.transactionId}`,
        note: `Ko-fi ${payment.type} ${payment.amount} ${payment.currency}`,
      });
      await this.repository.attribute(tx, payment.id, viewerId, true);
      if (credit.applied) {
        applied.payments += 1;
        applied.points += payment.points;
      }
    }
    return applied;
  }

  private ensureSettings(tx: Tx, workspaceId: string): Promise<KofiSettingsRow> {
    return this.repository.ensureSettings(tx, workspaceId, newWebhookKey(), DEFAULT_KOFI_POINTS_PER_UNIT);
  }

  private toSettingsDto(row: KofiSettingsRow): KofiSettingsDto {
    const base = this.config.publicUrl ?? `http://localhost:${this.config.port}`;
    return {
      workspaceId: row.workspaceId,
      tokenConfigured: row.verificationToken !== null,
      webhookUrl: `${base}/api/integrations/kofi/${row.webhookKey}`,
      pointsPerUnit: row.pointsPerUnit,
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }
}

/** 24 random bytes, base64url: the webhook URL is the credential that finds the workspace. */
export function newWebhookKey(): string {
  return randomBytes(24).toString('base64url');
}
