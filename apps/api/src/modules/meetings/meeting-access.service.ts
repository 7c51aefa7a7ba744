import { Injectable } from '@nestjs/common';
import type { Role } from '@podium/contracts';
import type { Tx } from '../../database/transaction';
import type { Actor } from '../auth/auth.service';
import { WorkspaceAccess } from '../workspaces/workspace-access.service';
import type { MeetingEntity } from './meeting.entity';
import { MeetingErrorCode, MeetingException } from './meetings.exception';
import { MeetingsRepository } from './meetings.repository';

/** The one access check for a meeting: the workspace role first, then that the meeting is in it. */
@Injectable()
export class MeetingAccess {
  constructor(
    private readonly workspaces: WorkspaceAccess,
    private readonly meetings: MeetingsRepository,
  ) {}

  /** Checks the role only; for work that then locks the meeting in its own transaction. */
  async requireRole(actor: Actor, workspaceId: string, minimum: Role): Promise<Role> {
    return this.workspaces.require(actor, workspaceId, minimum);
  }

  async require(
    actor: Actor,
    workspaceId: string,
    meetingId: string,
    minimum: Role,
  ): Promise<{ meeting: MeetingEntity; role: Role }> {
    const role = await this.workspaces.require(actor, workspaceId, minimum);
    return { meeting: await this.mustFind(workspaceId, meetingId), role };
  }

  async mustFind(workspaceId: string, meetingId: string, tx?: Tx): Promise<MeetingEntity> {
    const meeting = await this.meetings.findInWorkspace(workspaceId, meetingId, tx);
    if (!meeting) throw notFound();
    return meeting;
  }

  /** Locks the meeting row inside `tx` (FOR UPDATE), or 404. */
  async lock(tx: Tx, workspaceId: string, meetingId: string): Promise<MeetingEntity> {
    const meeting = await this.meetings.lock(tx, workspaceId, meetingId);
    if (!meeting) throw notFound();
    return meeting;
  }
}

function notFound(): MeetingException {
  return new MeetingException(MeetingErrorCode.NotFound, 'No such meeting');
}
