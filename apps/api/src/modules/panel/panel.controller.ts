import { Body, Controller, Get, HttpCode, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type PanelGoalsDto,
  type PanelHistoryDto,
  PanelHistoryQuerySchema,
  type PanelKofiLinkDto,
  PanelKofiLinkRequestSchema,
  type PanelMeDto,
  type PanelQueueDto,
  type PanelRewardsDto,
  type PanelSessionDto,
  PanelSignInRequestSchema,
  PanelSignOutRequestSchema,
  RedeemRequestSchema,
  type RedeemResultDto,
} from '@podium/contracts';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { Public } from '../auth/session.guard';
import { type PanelViewer, PanelAuthService } from './panel-auth.service';
import { clearPanelCookie, setPanelCookie } from './panel-cookie';
import { CurrentPanelViewer, PanelSessionGuard } from './panel-session.guard';
import { PanelService } from './panel.service';

/**
 * The viewer panel's API. No organizer session is needed or accepted here (`@Public` skips the
 * organizer guard; `PanelSessionGuard` demands the panel's own cookie).
 */
@ApiTags('panel')
@Public()
@Controller('panel')
export class PanelController {
  constructor(
    private readonly auth: PanelAuthService,
    private readonly panel: PanelService,
  ) {}

  /** Trades a `!panel` link's token for a panel session cookie (once per link). */
  @Post('session')
  @HttpCode(200)
  async signIn(
    @Body({ schema: PanelSignInRequestSchema }) body: z.output<typeof PanelSignInRequestSchema>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PanelSessionDto> {
    const issued = await this.auth.signIn(body.token, request.get('user-agent'));
    setPanelCookie(response, issued.token, new Date(issued.session.expiresAt), {
      secure: this.auth.secureCookies,
      partitioned: body.embedded,
    });
    return issued.session;
  }

  @Post('sign-out')
  @HttpCode(204)
  @UseGuards(PanelSessionGuard)
  async signOut(
    @CurrentPanelViewer() viewer: PanelViewer,
    @Body({ schema: PanelSignOutRequestSchema }) body: z.output<typeof PanelSignOutRequestSchema>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.signOut(viewer, body.everywhere);
    clearPanelCookie(response, { secure: this.auth.secureCookies, partitioned: false });
    clearPanelCookie(response, { secure: this.auth.secureCookies, partitioned: true });
  }

  @Get('me')
  @UseGuards(PanelSessionGuard)
  me(@CurrentPanelViewer() viewer: PanelViewer): Promise<PanelMeDto> {
    return this.panel.me(viewer);
  }

  @Get('history')
  @UseGuards(PanelSessionGuard)
  history(
    @CurrentPanelViewer() viewer: PanelViewer,
    @Query({ schema: PanelHistoryQuerySchema }) query: z.output<typeof PanelHistoryQuerySchema>,
  ): Promise<PanelHistoryDto> {
    return this.panel.history(viewer, query);
  }

  @Get('rewards')
  @UseGuards(PanelSessionGuard)
  rewards(@CurrentPanelViewer() viewer: PanelViewer): Promise<PanelRewardsDto> {
    return this.panel.rewards(viewer);
  }

  /** The same redeem as chat and the queue manager: same rules, same result shape. */
  @Post('redeem')
  @HttpCode(200)
  @UseGuards(PanelSessionGuard)
  redeem(
    @CurrentPanelViewer() viewer: PanelViewer,
    @Body({ schema: RedeemRequestSchema }) body: z.output<typeof RedeemRequestSchema>,
  ): Promise<RedeemResultDto> {
    return this.panel.redeem(viewer, body);
  }

  @Get('goals')
  @UseGuards(PanelSessionGuard)
  goals(@CurrentPanelViewer() viewer: PanelViewer): Promise<PanelGoalsDto> {
    return this.panel.goals(viewer);
  }

  /** Pending redemptions of everyone: other viewers' notes are never included. */
  @Get('queue')
  @UseGuards(PanelSessionGuard)
  queue(@CurrentPanelViewer() viewer: PanelViewer): Promise<PanelQueueDto> {
    return this.panel.queue(viewer);
  }

  @Post('kofi-link')
  @HttpCode(200)
  @UseGuards(PanelSessionGuard)
  linkKofi(
    @CurrentPanelViewer() viewer: PanelViewer,
    @Body({ schema: PanelKofiLinkRequestSchema }) body: z.output<typeof PanelKofiLinkRequestSchema>,
  ): Promise<PanelKofiLinkDto> {
    return this.panel.linkKofi(viewer, body.email);
  }
}
