import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { OverlaysModule } from '../overlays/overlays.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { Broadcaster } from './broadcaster';
import { RealtimeGateway } from './realtime.gateway';
import { ServerDrain } from './server-drain';

@Module({
  imports: [AuthModule, WorkspacesModule, OverlaysModule, MeetingsModule],
  providers: [RealtimeGateway, Broadcaster, ServerDrain],
  // The live gateways read whether a disconnect is the drain's.
  exports: [ServerDrain],
})
export class RealtimeModule {}
