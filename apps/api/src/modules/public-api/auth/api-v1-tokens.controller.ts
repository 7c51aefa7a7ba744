import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ApiWhoamiDto } from '@podium/contracts';
import { UuidParam } from '../../../common/http/params';
import { ApiV1Operation, ApiZodResponse } from '../openapi/zod-openapi';
import { type ApiActor, ApiTokenAuth, CurrentApiActor } from './api-token.guard';
import { ApiTokensService } from './api-tokens.service';

const WHOAMI_EXAMPLE: ApiWhoamiDto = {
  tokenId: '0b8f3c1e-6a51-4f43-9a39-5f0f8a3d2c10',
  workspaceId: '5d7c2b9e-1f0a-4c3e-8d6b-2a9e4f1c7b30',
  name: 'Stream Deck',
  scopes: ['points:read', 'points:write'],
  expiresAt: null,
};

@ApiTags('v1: tokens')
@Controller('v1/workspaces/:workspaceId')
export class ApiV1TokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get('whoami')
  @ApiTokenAuth()
  @ApiV1Operation(
    'Who am I',
    'The calling token: its workspace, name, scopes and expiry. Needs no scope: a quick way to check a token works.',
  )
  @ApiZodResponse(200, 'The calling token', WHOAMI_EXAMPLE)
  whoami(@CurrentApiActor() actor: ApiActor, @UuidParam('workspaceId') _workspaceId: string): ApiWhoamiDto {
    return this.tokens.whoami(actor);
  }
}
