import type { InviteDto, MemberDto, MembershipDto, WorkspaceDto } from '@podium/contracts';
import type { InviteEntity } from './invite.entity';
import type { WorkspaceMemberEntity } from './workspace-member.entity';
import type { WorkspaceEntity } from './workspace.entity';

export function toWorkspaceDto(workspace: WorkspaceEntity): WorkspaceDto {
  return { id: workspace.id, name: workspace.name, createdAt: workspace.createdAt.toISOString() };
}

export function toMembershipDto(member: WorkspaceMemberEntity): MembershipDto {
  return { workspaceId: member.workspaceId, workspaceName: member.workspace?.name ?? '', role: member.role };
}

export function toMemberDto(member: WorkspaceMemberEntity): MemberDto {
  return {
    userId: member.userId,
    displayName: member.user?.displayName ?? '',
    email: member.user?.email ?? '',
    role: member.role,
    joinedAt: member.joinedAt.toISOString(),
  };
}

export function toInviteDto(invite: InviteEntity): InviteDto {
  return {
    id: invite.id,
    role: invite.role,
    expiresAt: invite.expiresAt.toISOString(),
    createdAt: invite.createdAt.toISOString(),
  };
}
