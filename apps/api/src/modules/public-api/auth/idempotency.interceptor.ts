import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { catchError, from, mergeMap, type Observable, of } from 'rxjs';
import { TransactionRunner } from '../../../database/transaction';
import { ApiAuthErrorCode, ApiAuthException } from './api-auth.exception';
import type { ApiRequest } from './api-token.guard';
import { IdempotencyRepository, type IdempotencyRow } from './idempotency.repository';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on a response that is the stored result of an earlier request with the same key. */
export const IDEMPOTENT_REPLAY_HEADER = 'Idempotent-Replayed';
const MAX_KEY_LENGTH = 200;
/** How long a retry waits for the first request with its key to finish before answering 409. */
const WAIT_FOR_FIRST_MS = 5_000;
const POLL_MS = 100;
/** A claim this old whose request never completed (its process died) may be taken over. */
const STALE_CLAIM_SECONDS = 120;

type Decision = { kind: 'run'; claimId: string } | { kind: 'replay'; status: number; body: unknown };

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${url}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` for mutating v1 routes (after ApiTokenGuard). The first request with a key
 * claims it in PostgreSQL before it runs; a retry with the same key and token gets the first
 * response again (status and body) without running anything, waits while the first is still
 * running (then 409), and gets 422 if it is a different request. Failed requests release the key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    private readonly records: IdempotencyRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
      throw new ApiAuthException(
        ApiAuthErrorCode.IdempotencyKeyInvalid,
        `Idempotency-Key must be 1-${MAX_KEY_LENGTH} printable ASCII characters`,
        { field: 'Idempotency-Key' },
      );
    }
    const actor = request.apiActor;
    if (!actor) throw new ApiAuthException(ApiAuthErrorCode.InvalidToken, 'An API token is required');
    const claim = {
      workspaceId: actor.workspaceId,
      tokenId: actor.tokenId,
      key,
      requestHash: requestHash(request.method, request.originalUrl, request.body),
    };

    return from(this.decide(claim)).pipe(
      mergeMap((decision) => {
        if (decision.kind === 'replay') {
          response.status(decision.status);
          response.setHeader(IDEMPOTENT_REPLAY_HEADER, 'true');
          return of(decision.body ?? undefined);
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.records.complete(this.transactions.none, decision.claimId, response.statusCode, body);
            return body;
          }),
          catchError(async (error: unknown) => {
            await this.records
              .release(this.transactions.none, decision.claimId)
              .catch((releaseError: unknown) =>
                this.logger.warn(
                  { err: releaseError, claimId: decision.claimId },
                  'idempotency release failed',
                ),
              );
            throw error;
          }),
        );
      }),
    );
  }

  private async decide(claim: {
    workspaceId: string;
    tokenId: string;
    key: string;
    requestHash: string;
  }): Promise<Decision> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const claimId = await this.records.claim(this.transactions.none, claim);
      if (claimId) return { kind: 'run', claimId };
      const existing = await this.records.find(this.transactions.none, claim.tokenId, claim.key);
      // Released between our claim and our look: claim again.
      if (!existing) continue;
      const decided = await this.fromExisting(existing, claim.requestHash);
      if (decided) return decided;
      if (Date.now() >= deadline) {
        throw new ApiAuthException(
          ApiAuthErrorCode.IdempotencyInProgress,
          'A request with this Idempotency-Key is still in progress; retry later',
          { retryAfterSeconds: 1 },
        );
      }
      await sleep(POLL_MS);
    }
  }

  private async fromExisting(existing: IdempotencyRow, hash: string): Promise<Decision | null> {
    if (existing.request_hash !== hash) {
      throw new ApiAuthException(
        ApiAuthErrorCode.IdempotencyKeyReused,
        'This Idempotency-Key was already used for a different request',
        { field: 'Idempotency-Key' },
      );
    }
    if (existing.status === 'completed') {
      return { kind: 'replay', status: existing.response_status ?? 200, body: existing.response_body };
    }
    if (await this.records.reclaimStale(this.transactions.none, existing.id, STALE_CLAIM_SECONDS)) {
      return { kind: 'run', claimId: existing.id };
    }
    return null;
  }
}
