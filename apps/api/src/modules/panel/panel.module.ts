import { Module } from '@nestjs/common';
import { BotsModule } from '../bots/bots.module';
import { KofiModule } from '../integrations/kofi/kofi.module';
import { PointsModule } from '../points/points.module';
import { RedeemsModule } from '../redeems/redeems.module';
import { PurgePanelSessionsJob } from './jobs/purge-panel-sessions.job';
import { PanelAuthRepository } from './panel-auth.repository';
import { PanelAuthService } from './panel-auth.service';
import { PanelCommand } from './panel.command';
import { PanelController } from './panel.controller';
import { PanelService } from './panel.service';

/** The viewer panel: `!panel` sign-in links, panel sessions, and the panel's API over the points economy. */
@Module({
  imports: [BotsModule, PointsModule, KofiModule, RedeemsModule],
  controllers: [PanelController],
  providers: [PanelAuthRepository, PanelAuthService, PanelCommand, PanelService, PurgePanelSessionsJob],
})
export class PanelModule {}
