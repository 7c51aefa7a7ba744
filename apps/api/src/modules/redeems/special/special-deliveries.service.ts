import { createHmac } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import {
  SPECIAL_DELIVERY_HEADER,
  SPECIAL_SIGNATURE_HEADER,
  SPECIAL_TIMESTAMP_HEADER,
  type SpecialDeliveryDto,
  type SpecialWebhookPayload,
} from '@podium/contracts';
import { nextSpecialStep, serializeSpecialPayload, specialErrorText } from '@podium/redeems';
import { z } from 'zod';
import { SecretBox } from '../../../common/crypto/secret-box';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { JobScheduler } from '../../scheduler/job-scheduler';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { SpecialDeliveriesRepository, type SpecialPayloadRow } from './special-deliveries.repository';

export const SPECIAL_DELIVER_JOB = 'special.deliver';
export const SPECIAL_SWEEP_JOB = 'special.sweep';
const SWEEP_EVERY_MS = 30_000;
/** A pending delivery this late past its due time lost its job (a restart): the sweep enqueues it again. */
const OVERDUE_GRACE_SECONDS = 15;
const REQUEST_TIMEOUT_MS = 10_000;

const DeliverJobSchema = z.object({ redemptionId: z.uuid() });

/** `sha256=<hex HMAC-SHA256(secret, body)>`, as `x-podium-signature` carries it. */
export function signSpecialBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * POSTs a special redeem's signed payload to its URL from a job, after the redeem committed. Each
 * try claims the delivery (attempts + 1, leased) so two jobs never post the same try; failures are
 * retried by enqueueing the next try with exponential backoff (in both scheduler drivers), and the
 * outcome stays on the delivery row. Podium only sends data: it never runs anything.
 */
@Injectable()
export class SpecialDeliveries implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(SpecialDeliveries.name);

  constructor(
    private readonly repository: SpecialDeliveriesRepository,
    private readonly scheduler: JobScheduler,
    private readonly box: SecretBox,
    private readonly access: WorkspaceAccess,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(SPECIAL_DELIVER_JOB, async (run) => {
      const parsed = DeliverJobSchema.safeParse(run.data);
      if (!parsed.success) {
        this.logger.error({ runKey: run.runKey }, 'special delivery job without a redemption id: dropped');
        return;
      }
      await this.deliver(parsed.data.redemptionId);
    });
    this.scheduler.register(SPECIAL_SWEEP_JOB, () => this.sweep());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule(SPECIAL_SWEEP_JOB, SPECIAL_SWEEP_JOB, SWEEP_EVERY_MS);
  }

  /** After a special redeem committed: its first try, now. */
  kick(redemptionId: string): void {
    this.enqueue(redemptionId, 0, 0);
  }

  async list(actor: Actor, workspaceId: string, rewardId: string | undefined): Promise<SpecialDeliveryDto[]> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.repository.list(this.tx.none, workspaceId, rewardId, 200);
  }

  /** The outcome of one redemption's delivery, or null if it is not a special redeem. */
  forRedemption(workspaceId: string, redemptionId: string): Promise<SpecialDeliveryDto | null> {
    return this.repository.one(this.tx.none, workspaceId, redemptionId);
  }

  /** One try. Never throws for a failed POST (the next try is enqueued instead). */
  async deliver(redemptionId: string): Promise<void> {
    const claimed = await this.repository.claim(this.tx.none, redemptionId);
    if (!claimed) return;
    const attempt = claimed.attempts;
    const source = await this.repository.payload(this.tx.none, redemptionId);
    const secret = source ? this.secretOf(source) : null;
    if (!source || secret === null) {
      await this.finish(redemptionId, attempt, null, 'the reward or its secret is gone', 'failed');
      return;
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const body = serializeSpecialPayload(toPayload(source, timestamp, attempt));
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(claimed.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Podium-Webhook/1',
          [SPECIAL_SIGNATURE_HEADER]: signSpecialBody(secret, body),
          [SPECIAL_DELIVERY_HEADER]: redemptionId,
          [SPECIAL_TIMESTAMP_HEADER]: String(timestamp),
        },
        body,
      });
      statusCode = response.status;
      await response.body?.cancel();
      if (statusCode < 200 || statusCode >= 300) error = `answered HTTP ${statusCode}`;
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : 'request failed';
    }
    await this.finish(redemptionId, attempt, statusCode, error);
  }

  private async finish(
    redemptionId: string,
    attempt: number,
    statusCode: number | null,
    error: string | null,
    forced?: 'failed',
  ): Promise<void> {
    const step = forced ? { status: forced, retryInMs: null } : nextSpecialStep(attempt, statusCode);
    await this.repository.record(this.tx.none, redemptionId, attempt, {
      status: step.status,
      statusCode,
      error: error === null ? null : specialErrorText(error),
      retryInMs: step.retryInMs,
    });
    if (step.status === 'pending' && step.retryInMs !== null) {
      this.enqueue(redemptionId, attempt, step.retryInMs);
    } else if (step.status === 'failed') {
      this.logger.warn({ redemptionId, attempt, statusCode }, 'special delivery gave up');
    }
  }

  /** Re-enqueues deliveries whose job was lost (a restart between tries). */
  private async sweep(): Promise<void> {
    const overdue = await this.repository.overdue(this.tx.none, OVERDUE_GRACE_SECONDS, 100);
    for (const row of overdue) this.enqueue(row.redemption_id, row.attempts, 0);
  }

  /** The job id names the try, so a retry and the sweep asking for the same try collapse into one. */
  private enqueue(redemptionId: string, afterAttempt: number, delayMs: number): void {
    this.scheduler
      .enqueue(
        SPECIAL_DELIVER_JOB,
        { redemptionId },
        { jobId: `special-deliver.${redemptionId}.${afterAttempt}`, delayMs },
      )
      .catch((error: unknown) =>
        this.logger.error({ err: error, redemptionId }, 'special delivery not enqueued'),
      );
  }

  private secretOf(source: SpecialPayloadRow): string | null {
    const sealed = source.config.special?.secretSealed;
    if (typeof sealed !== 'string') return null;
    try {
      return this.box.open(sealed);
    } catch (error) {
      this.logger.error({ err: error, rewardId: source.reward_id }, 'special secret cannot be opened');
      return null;
    }
  }
}

function toPayload(row: SpecialPayloadRow, timestamp: number, attempt: number): SpecialWebhookPayload {
  return {
    id: row.redemption_id,
    type: 'redeem.special',
    timestamp,
    attempt,
    workspaceId: row.workspace_id,
    reward: { id: row.reward_id, name: row.reward_name },
    redemption: {
      id: row.redemption_id,
      spent: Number(row.spent),
      note: row.note,
      createdAt: row.created_at.toISOString(),
      viewer: { id: row.viewer_id, displayName: row.display_name, platform: row.platform, login: row.login },
    },
  };
}
