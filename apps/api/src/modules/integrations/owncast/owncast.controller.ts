import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type ConnectionDto, ConnectOwncastRequestSchema } from '@podium/contracts';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
import { RequireRole } from '../../auth/workspace-role.guard';
import { type ConnectOwncastInput, OwncastConnectService } from './owncast-connect.service';

@ApiTags('owncast')
@Controller('workspaces/:workspaceId/connections/owncast')
export class OwncastController {
  constructor(private readonly owncast: OwncastConnectService) {}

  /** Connects (or reconnects) an Owncast instance with an integration access token. */
  @RequireRole('owner')
  @Post()
  @HttpCode(201)
  connect(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: ConnectOwncastRequestSchema }) body: ConnectOwncastInput,
  ): Promise<ConnectionDto> {
    return this.owncast.connect(actor, workspaceId, body);
  }
}
