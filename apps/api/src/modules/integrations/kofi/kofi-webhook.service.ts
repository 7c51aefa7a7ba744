import { Injectable, Logger } from '@nestjs/common';
import { kofiPoints, kofiTokenMatches, parseKofiWebhookData } from '@podium/chat';
import type { KofiWebhookReceiptDto } from '@podium/contracts';
import { SecretBox } from '../../../common/crypto/secret-box';
import { DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import { PointsLedger } from '../../points/points-ledger';
import { storableText } from '../webhook-text';
import { KofiErrorCode, KofiException } from './kofi.exception';
import { toKofiPaymentDto } from './kofi.mappers';
import { KofiRepository } from './kofi.repository';

/** Webhook keys are 24 random bytes in base64url; anything else cannot be one. */
const WEBHOOK_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * One Ko-fi delivery: find the workspace by the secret path, check the verification token in
 * constant time, then record the payment once by its transaction id and credit its points to the
 * viewer who linked the payer's e-mail (or keep them pending until someone does). Every refusal
 * happens before anything is stored; a redelivery answers 200 and changes nothing.
 */
@Injectable()
export class KofiWebhookService {
  private readonly logger = new Logger(KofiWebhookService.name);

  constructor(
    private readonly repository: KofiRepository,
    private readonly runner: TransactionRunner,
    private readonly ledger: PointsLedger,
    private readonly box: SecretBox,
    private readonly events: DomainEvents,
  ) {}

  async receive(key: string, body: unknown): Promise<KofiWebhookReceiptDto> {
    const settings = WEBHOOK_KEY.test(key)
      ? await this.repository.findSettingsByKey(this.runner.none, key)
      : null;
    if (!settings)
      throw new KofiException(KofiErrorCode.WebhookUnknown, 'No workspace has this Ko-fi webhook URL');
    const data = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined;
    const parsed = parseKofiWebhookData(data, new Date());
    // The token is checked before the payment's shape, so a forger learns nothing about the schema.
    const token = parsed.verificationToken;
    if (token === null) {
      throw new KofiException(
        KofiErrorCode.WebhookMalformed,
        `Not a Ko-fi webhook: ${parsed.ok ? 'no verification token' : parsed.message}`,
        {
          field: 'data',
        },
      );
    }
    const expected = settings.verificationToken ? this.box.open(settings.verificationToken) : '';
    if (!kofiTokenMatches(token, expected)) {
      this.logger.warn(
        { workspaceId: settings.workspaceId, configured: expected !== '' },
        'Ko-fi webhook refused',
      );
      throw new KofiException(
        KofiErrorCode.WebhookUnauthenticated,
        expected ? 'The verification token does not match' : 'No Ko-fi verification token is configured yet',
      );
    }
    if (!parsed.ok) {
      throw new KofiException(KofiErrorCode.WebhookMalformed, `Not a Ko-fi payment: ${parsed.message}`, {
        field: 'data',
      });
    }
    // PostgreSQL text holds no U+0000 (nor lone surrogates): dropped before anything is stored.
    const payment = storableText(parsed.payment);
    const workspaceId = settings.workspaceId;
    const points = kofiPoints(payment.amount, settings.pointsPerUnit);
    const paymentId = await this.ledger.run(async (tx) => {
      if (payment.email) await this.repository.lockEmail(tx, workspaceId, payment.email);
      const id = await this.repository.insertPayment(
        tx,
        workspaceId,
        payment,
        points,
        points > 0 ? 'pending' : 'none',
      );
      if (!id || !payment.email) return id;
      const link = await this.repository.findLinkByEmail(tx, workspaceId, payment.email);
      if (!link) return id;
      const viewerId = await this.repository.resolveViewer(tx, workspaceId, link.viewerId);
      if (!viewerId) return id;
      if (points > 0) {
        await this.ledger.credit(tx, {
          workspaceId,
          viewerId,
          amount: points,
          reason: 'kofi',
          sourceKey: `kofi:${payment.transactionId}`,
          note: `Ko-fi ${payment.type} ${payment.amount} ${payment.currency}`,
        });
      }
      await this.repository.attribute(tx, id, viewerId, points > 0);
      return id;
    });
    if (!paymentId) return { status: 'duplicate' };
    const row = await this.repository.findPayment(this.runner.none, paymentId);
    if (row)
      this.events.publish('kofi.paymentRecorded', { workspaceId, payment: toKofiPaymentDto(row, false) });
    return { status: 'recorded', paymentId };
  }
}
