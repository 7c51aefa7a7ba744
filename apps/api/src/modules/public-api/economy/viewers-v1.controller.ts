import { Body, Controller, Get, Headers, HttpCode, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type BalanceDto,
  type BalanceListDto,
  BalanceSearchQuerySchema,
  LedgerHistoryQuerySchema,
  type LedgerPageDto,
  type V1PointsChangeRequest,
  V1PointsChangeRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { UuidParam } from '../../../common/http/params';
import { type ApiActor, ApiTokenAuth, CurrentApiActor } from '../auth/api-token.guard';
import { IDEMPOTENCY_HEADER, IdempotencyInterceptor } from '../auth/idempotency.interceptor';
import {
  ApiErrorResponse,
  ApiIdempotent,
  ApiV1Operation,
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
} from '../openapi/zod-openapi';
import { BalanceDtoSchema, BalanceListDtoSchema, LedgerPageDtoSchema } from './economy-v1.schemas';
import { BALANCE_EXAMPLE, LEDGER_EXAMPLE } from './economy-v1.examples';
import { PointsV1Service } from './points-v1.service';

const NO_VIEWER = () => ApiErrorResponse(404, 'points.viewer_not_found', 'No such viewer in this workspace');

/** `/api/v1/workspaces/:workspaceId/viewers`: viewers, balances and the ledger. */
@ApiTags('v1: viewers and points')
@Controller('v1/workspaces/:workspaceId/viewers')
export class ViewersV1Controller {
  constructor(private readonly points: PointsV1Service) {}

  @Get()
  @ApiTokenAuth('points:read')
  @ApiV1Operation(
    'Search viewers',
    'Viewers with their balances, matched by display name or login (`q`, case-insensitive). Without `q`: ' +
      'the top balances. Needs `points:read`.',
  )
  @ApiZodQuery(BalanceSearchQuerySchema)
  @ApiZodResponse(200, BalanceListDtoSchema, { balances: [BALANCE_EXAMPLE] })
  search(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @Query({ schema: BalanceSearchQuerySchema }) query: z.output<typeof BalanceSearchQuerySchema>,
  ): Promise<BalanceListDto> {
    return this.points.search(actor, query);
  }

  @Get(':viewerId')
  @ApiTokenAuth('points:read')
  @NO_VIEWER()
  @ApiV1Operation(
    'Get a viewer with their balance',
    'One viewer, their balance and leaderboard rank. An identity merged into another viewer answers ' +
      'with the viewer that holds the balance. Needs `points:read`.',
  )
  @ApiZodResponse(200, BalanceDtoSchema, BALANCE_EXAMPLE)
  viewer(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('viewerId') viewerId: string,
  ): Promise<BalanceDto> {
    return this.points.viewer(actor, viewerId);
  }

  @Get(':viewerId/history')
  @ApiTokenAuth('points:read')
  @NO_VIEWER()
  @ApiV1Operation(
    "A viewer's ledger",
    "Every change of the balance, newest first, paged with `before` (the previous page's `nextCursor`). " +
      'Needs `points:read`.',
  )
  @ApiZodQuery(LedgerHistoryQuerySchema)
  @ApiZodResponse(200, LedgerPageDtoSchema, LEDGER_EXAMPLE)
  history(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('viewerId') viewerId: string,
    @Query({ schema: LedgerHistoryQuerySchema }) query: z.output<typeof LedgerHistoryQuerySchema>,
  ): Promise<LedgerPageDto> {
    return this.points.history(actor, viewerId, query);
  }

  @Post(':viewerId/points/grant')
  @HttpCode(200)
  @ApiTokenAuth('points:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @NO_VIEWER()
  @ApiV1Operation(
    'Grant points',
    'Adds `amount` points to the viewer through the ledger (reason `adjust`; the note is your reason ' +
      'followed by "(api token <token name>)"). Send an `Idempotency-Key`: a retry with the same key ' +
      'grants once and answers the first response again. Needs `points:write`.',
  )
  @ApiZodBody(V1PointsChangeRequestSchema, { amount: 500, reason: 'Won the stream quiz' })
  @ApiZodResponse(200, BalanceDtoSchema, BALANCE_EXAMPLE, 'The balance after the grant')
  grant(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('viewerId') viewerId: string,
    @Body({ schema: V1PointsChangeRequestSchema }) body: V1PointsChangeRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
  ): Promise<BalanceDto> {
    return this.points.change(actor, viewerId, 'grant', body, idempotencyKey);
  }

  @Post(':viewerId/points/deduct')
  @HttpCode(200)
  @ApiTokenAuth('points:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @ApiErrorResponse(409, 'points.insufficient_balance', 'The viewer does not have that many points')
  @NO_VIEWER()
  @ApiV1Operation(
    'Deduct points',
    'Takes `amount` points from the viewer through the ledger, never below zero: more than the balance ' +
      'is a 409 and nothing changes. Idempotent with an `Idempotency-Key`, like a grant. Needs `points:write`.',
  )
  @ApiZodBody(V1PointsChangeRequestSchema, { amount: 200, reason: 'Spam penalty' })
  @ApiZodResponse(200, BalanceDtoSchema, BALANCE_EXAMPLE, 'The balance after the deduction')
  deduct(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('viewerId') viewerId: string,
    @Body({ schema: V1PointsChangeRequestSchema }) body: V1PointsChangeRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
  ): Promise<BalanceDto> {
    return this.points.change(actor, viewerId, 'deduct', body, idempotencyKey);
  }
}
