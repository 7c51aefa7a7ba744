import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AcceptInviteRequestSchema,
  type InvitePreviewDto,
  LoginRequestSchema,
  type MeDto,
  SetupRequestSchema,
  type SetupStatus,
} from '@podium/contracts';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { AppConfig } from '../../config/app-config';
import { CurrentActor } from '../../common/http/current-actor.decorator';
import { TokenParam } from '../../common/http/params';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../../common/http/session-cookie';
import type { Actor } from '../auth/auth.service';
import { Public } from '../auth/session.guard';
import { InvitesService } from '../workspaces/invites.service';
import { AccountService, type SignedIn } from './account.service';

type AcceptInviteBody = z.output<typeof AcceptInviteRequestSchema>;
type NewAccount = Extract<AcceptInviteBody, { email: string }>;

function isNewAccount(body: AcceptInviteBody): body is NewAccount {
  return 'email' in body;
}

@ApiTags('account')
@Controller()
export class AccountController {
  constructor(
    private readonly account: AccountService,
    private readonly invites: InvitesService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('setup')
  async setupStatus(): Promise<SetupStatus> {
    return { needsSetup: await this.account.needsSetup() };
  }

  @Public()
  @Post('setup')
  @HttpCode(201)
  async setUp(
    @Body({ schema: SetupRequestSchema }) body: z.output<typeof SetupRequestSchema>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeDto> {
    return this.withCookie(request, response, await this.account.setUp(body, request.get('user-agent')));
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(
    @Body({ schema: LoginRequestSchema }) body: z.output<typeof LoginRequestSchema>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeDto> {
    const signedIn = await this.account.signIn(
      body.email,
      body.password,
      request.ip ?? 'unknown',
      request.get('user-agent'),
    );
    return this.withCookie(request, response, signedIn);
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = readSessionCookie(request);
    if (token) await this.account.signOut(token);
    clearSessionCookie(response, this.secure(request));
  }

  @Get('auth/me')
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.account.me(actor);
  }

  @Public()
  @Get('invites/:token')
  previewInvite(@TokenParam('token') token: string): Promise<InvitePreviewDto> {
    return this.invites.preview(token);
  }

  @Public()
  @Post('invites/:token/accept')
  @HttpCode(200)
  async acceptInvite(
    @TokenParam('token') token: string,
    @Body({ schema: AcceptInviteRequestSchema }) body: AcceptInviteBody,
    @CurrentActor() actor: Actor | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeDto> {
    const account = isNewAccount(body) ? body : undefined;
    const signedIn = await this.account.acceptInvite(token, actor, account, request.get('user-agent'));
    return this.withCookie(request, response, signedIn);
  }

  private withCookie(request: Request, response: Response, signedIn: SignedIn): MeDto {
    if (signedIn.session) {
      setSessionCookie(response, signedIn.session.token, signedIn.session.expiresAt, this.secure(request));
    }
    return signedIn.me;
  }

  /** Secure cookies whenever the browser reached us over https (directly or through a proxy). */
  private secure(request: Request): boolean {
    return request.secure || this.config.publicUrl?.startsWith('https://') === true;
  }
}
