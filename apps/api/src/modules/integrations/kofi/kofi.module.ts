import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { urlencoded } from 'express';
import { ChatModule } from '../../chat/chat.module';
import { PointsModule } from '../../points/points.module';
import { WorkspacesModule } from '../../workspaces/workspaces.module';
import { KofiController } from './kofi.controller';
import { KofiRepository } from './kofi.repository';
import { KofiService } from './kofi.service';
import { KofiWebhookController } from './kofi-webhook.controller';
import { KofiWebhookService } from './kofi-webhook.service';

/**
 * Ko-fi: its payment webhook in, points to the viewers who linked their Ko-fi e-mail. Exports
 * KofiService for the viewer panel (linkEmail, isLinked) and reward eligibility (isSupporter).
 */
@Module({
  imports: [ChatModule, WorkspacesModule, PointsModule],
  controllers: [KofiController, KofiWebhookController],
  providers: [KofiRepository, KofiService, KofiWebhookService],
  exports: [KofiService],
})
export class KofiModule implements NestModule {
  /** Ko-fi posts a form; only its webhook route parses one (the rest of the api takes JSON only). */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(urlencoded({ extended: false, limit: '64kb' })).forRoutes(KofiWebhookController);
  }
}
