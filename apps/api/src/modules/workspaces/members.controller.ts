import { Body, Controller, Delete, Get, HttpCode, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type ChangeRoleRequest, ChangeRoleRequestSchema, type MemberDto } from '@podium/contracts';
import { type Member, Membership } from '../../common/http/membership.decorator';
import { UuidParam } from '../../common/http/params';
import { RequireRole } from '../auth/workspace-role.guard';
import { WorkspacesService } from './workspaces.service';

@ApiTags('members')
@Controller('workspaces/:workspaceId/members')
export class MembersController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @RequireRole('viewer')
  @Get()
  list(@Membership() actor: Member, @UuidParam('workspaceId') workspaceId: string): Promise<MemberDto[]> {
    return this.workspaces.listMembers(actor, workspaceId);
  }

  @RequireRole('owner')
  @Patch(':userId')
  changeRole(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('userId') userId: string,
    @Body({ schema: ChangeRoleRequestSchema }) body: ChangeRoleRequest,
  ): Promise<MemberDto> {
    return this.workspaces.changeRole(actor, workspaceId, userId, body.role);
  }

  @RequireRole('owner')
  @Delete(':userId')
  @HttpCode(204)
  remove(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('userId') userId: string,
  ): Promise<void> {
    return this.workspaces.removeMember(actor, workspaceId, userId);
  }
}
