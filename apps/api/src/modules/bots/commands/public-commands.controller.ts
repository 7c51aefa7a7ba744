import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicCommandListDto } from '@podium/contracts';
import { UuidParam } from '../../../common/http/params';
import { Public } from '../../auth/session.guard';
import { BotCommandsService } from './bot-commands.service';

/** The commands page `!help` links to: what viewers may call, no sign-in. */
@ApiTags('bots')
@Controller('public/workspaces/:workspaceId')
export class PublicCommandsController {
  constructor(private readonly commands: BotCommandsService) {}

  @Public()
  @Get('commands')
  list(@UuidParam('workspaceId') workspaceId: string): Promise<PublicCommandListDto> {
    return this.commands.publicList(workspaceId);
  }
}
