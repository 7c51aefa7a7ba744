import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { OverlayTokenEntity } from './overlay-token.entity';
import { OverlayTokensRepository } from './overlay-tokens.repository';
import { OverlaysController } from './overlays.controller';
import { OverlaysService } from './overlays.service';

@Module({
  imports: [TypeOrmModule.forFeature([OverlayTokenEntity]), WorkspacesModule],
  controllers: [OverlaysController],
  providers: [OverlaysService, OverlayTokensRepository],
  exports: [OverlaysService],
})
export class OverlaysModule {}
