import { Injectable } from '@nestjs/common';
import type { CreateFlagRequestSchema, FlagDto, UpdateFlagRequestSchema } from '@podium/contracts';
import { normalizeFlagCode } from '@podium/meetings';
import type { z } from 'zod';
import { isUniqueViolation } from '../../../database/unique-violation';
import type { Actor } from '../../auth/auth.service';
import { MeetingAccess } from '../meeting-access.service';
import { MeetingErrorCode, MeetingException } from '../meetings.exception';
import { toFlagDto } from './flags.mapper';
import { type FlagFields, FlagsRepository } from './flags.repository';

type CreateFlag = z.output<typeof CreateFlagRequestSchema>;
type UpdateFlag = z.output<typeof UpdateFlagRequestSchema>;

/** Secret codes of a workspace, for every meeting or one. Moderators manage them. */
@Injectable()
export class FlagsService {
  constructor(
    private readonly flags: FlagsRepository,
    private readonly access: MeetingAccess,
  ) {}

  async list(actor: Actor, workspaceId: string): Promise<FlagDto[]> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    return (await this.flags.listByWorkspace(workspaceId)).map(({ flag, captures }) =>
      toFlagDto(flag, captures),
    );
  }

  async create(actor: Actor, workspaceId: string, input: CreateFlag): Promise<FlagDto> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    await this.requireMeeting(workspaceId, input.meetingId);
    const flag = await this.flags.insert({ ...input, workspaceId, code: normalizeFlagCode(input.code) });
    if (!flag) throw codeTaken();
    return toFlagDto(flag, 0);
  }

  async update(actor: Actor, workspaceId: string, flagId: string, patch: UpdateFlag): Promise<FlagDto> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    if (patch.meetingId !== undefined) await this.requireMeeting(workspaceId, patch.meetingId);
    const changes: Partial<Omit<FlagFields, 'workspaceId'>> = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.code !== undefined) {
      changes.code = normalizeFlagCode(patch.code);
      const holder = await this.flags.findByCode(workspaceId, changes.code);
      if (holder && holder.id !== flagId) throw codeTaken();
    }
    if (patch.points !== undefined) changes.points = patch.points;
    if (patch.meetingId !== undefined) changes.meetingId = patch.meetingId;
    const flag = await this.codeTakenAs409(() => this.flags.update(workspaceId, flagId, changes));
    if (!flag) throw notFound();
    return toFlagDto(flag, await this.flags.captureCount(flag.id));
  }

  async remove(actor: Actor, workspaceId: string, flagId: string): Promise<void> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    if (!(await this.flags.delete(workspaceId, flagId))) throw notFound();
  }

  /** A flag scoped to a meeting must name one of this workspace's meetings. */
  private async requireMeeting(workspaceId: string, meetingId: string | null): Promise<void> {
    if (meetingId === null) return;
    try {
      await this.access.mustFind(workspaceId, meetingId);
    } catch (error) {
      if (error instanceof MeetingException) {
        throw new MeetingException(MeetingErrorCode.NotFound, 'No such meeting in this workspace', {
          field: 'meetingId',
        });
      }
      throw error;
    }
  }

  /** The look-up before an update leaves a race with a concurrent write: the constraint settles it. */
  private async codeTakenAs409<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!isUniqueViolation(error, 'uq_flags_workspace_code')) throw error;
      throw codeTaken();
    }
  }
}

function codeTaken(): MeetingException {
  return new MeetingException(
    MeetingErrorCode.FlagCodeTaken,
    'Another flag of this workspace has this code',
    {
      field: 'code',
    },
  );
}

function notFound(): MeetingException {
  return new MeetingException(MeetingErrorCode.FlagNotFound, 'No such flag');
}
