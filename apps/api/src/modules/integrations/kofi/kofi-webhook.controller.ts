import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { KofiWebhookReceiptDto } from '@podium/contracts';
import { Public } from '../../auth/session.guard';
import { KofiWebhookService } from './kofi-webhook.service';

/**
 * Where Ko-fi posts payments (form-encoded, field `data`). Public: the unguessable key finds the
 * workspace and the verification token inside the payload proves it is Ko-fi.
 */
@ApiTags('kofi')
@Controller('integrations/kofi')
export class KofiWebhookController {
  constructor(private readonly webhooks: KofiWebhookService) {}

  /** 200 once the payment is recorded, or was already (Ko-fi retries until it gets a 200). */
  @Public()
  @Post(':key')
  @HttpCode(200)
  receive(@Param('key') key: string, @Body() body: unknown): Promise<KofiWebhookReceiptDto> {
    return this.webhooks.receive(key, body);
  }
}
