import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InviteEntity } from './invite.entity';
import { InvitesController } from './invites.controller';
import { InvitesRepository } from './invites.repository';
import { InvitesService } from './invites.service';
import { MembersController } from './members.controller';
import { WorkspaceAccess } from './workspace-access.service';
import { WorkspaceMemberEntity } from './workspace-member.entity';
import { WorkspaceEntity } from './workspace.entity';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesRepository } from './workspaces.repository';
import { WorkspacesService } from './workspaces.service';

@Module({
  imports: [TypeOrmModule.forFeature([WorkspaceEntity, WorkspaceMemberEntity, InviteEntity])],
  controllers: [WorkspacesController, MembersController, InvitesController],
  providers: [WorkspacesService, WorkspacesRepository, WorkspaceAccess, InvitesService, InvitesRepository],
  exports: [WorkspacesService, WorkspaceAccess, InvitesService],
})
export class WorkspacesModule {}
