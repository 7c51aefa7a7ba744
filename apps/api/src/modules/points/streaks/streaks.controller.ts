import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StreakDto } from '@podium/contracts';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
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
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('viewerId') viewerId: string,
  ): Promise<StreakDto> {
    return this.streaks.get(actor, workspaceId, viewerId);
  }
}
