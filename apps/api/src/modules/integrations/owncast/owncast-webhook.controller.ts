import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Param,
  Post,
  type RawBodyRequest,
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OWNCAST_SIGNATURE_HEADER } from '@podium/chat';
import type { Request, Response } from 'express';
import { Public } from '../../auth/session.guard';
import { type OwncastWebhookReceipt, OwncastWebhookService } from './owncast-webhook.service';

/** Where Owncast posts its webhooks. Public: the unguessable key (and the signature, if set) is the credential. */
@ApiTags('owncast')
@Controller('integrations/owncast')
export class OwncastWebhookController {
  constructor(private readonly webhooks: OwncastWebhookService) {}

  /** 200 once the event is recorded (or was already), 202 for event types Podium does not record. */
  @Public()
  @Post(':key')
  @HttpCode(200)
  async receive(
    @Param('key') key: string,
    @Req() request: RawBodyRequest<Request>,
    @Body() body: unknown,
    @Headers(OWNCAST_SIGNATURE_HEADER) signature: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OwncastWebhookReceipt> {
    const receipt = await this.webhooks.receive({ key, rawBody: request.rawBody, body, signature });
    if (receipt.status === 'ignored') response.status(202);
    return receipt;
  }
}
