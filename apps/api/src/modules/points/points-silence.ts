import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { BotSilence } from '../bots/bot-silence';
import { PointsSettingsService } from './points-settings.service';

/**
 * Passive mode ("points accrue, no redeems, the bot silent except `!points`") reaches the bots
 * through BotSilence: BotsModule cannot import PointsModule (points imports bots), so points tells
 * bots when to keep quiet.
 */
@Injectable()
export class PointsSilence implements OnModuleInit, OnModuleDestroy {
  private off: (() => void) | null = null;

  constructor(
    private readonly silence: BotSilence,
    private readonly settings: PointsSettingsService,
  ) {}

  onModuleInit(): void {
    this.off = this.silence.silenceWhen((workspaceId) => this.settings.isPassive(workspaceId));
  }

  onModuleDestroy(): void {
    this.off?.();
  }
}
