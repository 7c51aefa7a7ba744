import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OAuthStartDto } from '@podium/contracts';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
import { Public } from '../../auth/session.guard';
import { RequireRole } from '../../auth/workspace-role.guard';
import { type YoutubeCallbackQuery, YoutubeOAuthService } from './youtube-oauth.service';

const CallbackQuerySchema = z.object({
  state: z.string().max(4000).optional(),
  code: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  scope: z.string().max(4000).optional(),
});

/** The address this request came in on, for the OAuth redirect URI when PUBLIC_URL is not set. */
function originOf(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}

@ApiTags('integrations')
@Controller()
export class YoutubeOAuthController {
  constructor(private readonly oauth: YoutubeOAuthService) {}

  /** Where the SPA sends the browser for "Connect with YouTube" (owners only). */
  @RequireRole('owner')
  @Get('workspaces/:workspaceId/connections/youtube/authorize')
  authorize(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Req() request: Request,
  ): Promise<OAuthStartDto> {
    return this.oauth.authorize(actor, workspaceId, originOf(request));
  }

  /** Google's redirect back after consent; ends on the workspace's connections page. */
  @Public()
  @Get('integrations/youtube/oauth/callback')
  async callback(
    @Query({ schema: CallbackQuerySchema }) query: YoutubeCallbackQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    response.redirect(302, await this.oauth.callback(query, originOf(request)));
  }
}
