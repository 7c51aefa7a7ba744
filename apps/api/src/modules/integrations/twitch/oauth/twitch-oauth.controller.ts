import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OAuthStartDto } from '@podium/contracts';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { type Member, Membership } from '../../../../common/http/membership.decorator';
import { UuidParam } from '../../../../common/http/params';
import { AppConfig } from '../../../../config/app-config';
import { Public } from '../../../auth/session.guard';
import { RequireRole } from '../../../auth/workspace-role.guard';
import { type TwitchCallbackQuery, type TwitchRole, TwitchOAuthService } from './twitch-oauth.service';

const RoleSchema = z.enum(['broadcaster', 'bot']).default('broadcaster');

const CallbackQuerySchema = z.object({
  code: z.string().max(500).optional(),
  state: z.string().max(4_000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1_000).optional(),
});

@ApiTags('twitch')
@Controller()
export class TwitchOAuthController {
  constructor(
    private readonly oauth: TwitchOAuthService,
    private readonly config: AppConfig,
  ) {}

  /** Where to send the browser to connect the channel (`broadcaster`) or its bot account (`bot`). */
  @RequireRole('owner')
  @Get('workspaces/:workspaceId/connections/twitch/authorize')
  authorize(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Query('role', { schema: RoleSchema }) role: TwitchRole,
    @Req() request: Request,
  ): Promise<OAuthStartDto> {
    return this.oauth.start(actor, workspaceId, role, originOf(request, this.config));
  }

  /** Twitch sends the browser back here; it goes on to the connections page with the outcome. */
  @Public()
  @Get('integrations/twitch/oauth/callback')
  async callback(
    @Query({ schema: CallbackQuerySchema }) query: TwitchCallbackQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    response.redirect(302, await this.oauth.complete(query, originOf(request, this.config)));
  }
}

/** The address the browser uses: PUBLIC_URL when set, else the request's own (behind trusted proxies). */
function originOf(request: Request, config: AppConfig): string {
  return config.publicUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
