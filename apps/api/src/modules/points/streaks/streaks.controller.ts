import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StreakDto } from '@podium/contracts';
import { CurrentActor } from '../../../common/http/current-actor.decorator';
import { UuidParam } from '../../../common/http/params';
import type { Actor } from '../../auth/auth.service';
import { RequireRole } from '../../auth/workspace-role.guard';
import { StreaksService } from './streaks.service';

@ApiTags('points')
@Controller('workspaces/:workspaceId/points/viewers/:viewerId/streak')
export class StreaksController {
  constructor(private readonly streaks: StreaksService) {}

  /** The viewer's streak of consecutive streams (any identity of a merged viewer). */
  @RequireRole('viewer')
  @Get()
  get(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('viewerId') viewerId: string,
  ): Promise<StreakDto> {
    return this.streaks.get(actor, workspaceId, viewerId);
  }
}
