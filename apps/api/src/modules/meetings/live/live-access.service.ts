import { Injectable } from '@nestjs/common';
import type { Role } from '@podium/contracts';
import type { Actor } from '../../auth/auth.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { WorkspaceErrorCode, WorkspaceException } from '../../workspaces/workspaces.exception';
import type { MeetingEntity } from '../meeting.entity';
import { MeetingErrorCode, MeetingException } from '../meetings.exception';
import { LiveErrorCode, LiveException } from './live.exception';
import { LiveStateRepository } from './live-state.repository';

/** Who is asking, from the socket's handshake. */
export type LiveViewer =
  | { audience: 'organizer'; actor: Actor }
  | { audience: 'attendee'; attendeeId: string; meetingId: string; workspaceId: string }
  | { audience: 'overlay'; workspaceId: string };

export type AttendeeViewer = Extract<LiveViewer, { audience: 'attendee' }>;

/**
 * The access check of the live run, where requests name a meeting by id alone: organizers need a
 * role in its workspace, overlays its workspace, attendees must be in it. Anything else is a 404,
 * so a meeting id reveals nothing about other workspaces.
 */
@Injectable()
export class LiveAccess {
  constructor(
    private readonly workspaces: WorkspaceAccess,
    private readonly state: LiveStateRepository,
  ) {}

  async organizer(
    actor: Actor,
    meetingId: string,
    minimum: Role,
  ): Promise<{ meeting: MeetingEntity; role: Role }> {
    const meeting = await this.state.findById(meetingId);
    if (!meeting) throw notFound();
    try {
      return { meeting, role: await this.workspaces.require(actor, meeting.workspaceId, minimum) };
    } catch (error) {
      if (error instanceof WorkspaceException && error.code === WorkspaceErrorCode.NotFound) throw notFound();
      throw error;
    }
  }

  /** The meeting `meetingId` names for this viewer: for overlays, `live` is the workspace's running one. */
  async meetingFor(
    viewer: LiveViewer,
    meetingId: string,
  ): Promise<{ meeting: MeetingEntity; role: Role | null }> {
    switch (viewer.audience) {
      case 'organizer': {
        if (meetingId === 'live') throw notFound();
        return this.organizer(viewer.actor, meetingId, 'viewer');
      }
      case 'attendee': {
        if (meetingId !== viewer.meetingId) throw notFound();
        const meeting = await this.state.findById(meetingId);
        if (!meeting) throw notFound();
        return { meeting, role: null };
      }
      case 'overlay': {
        const meeting =
          meetingId === 'live'
            ? await this.state.findLive(viewer.workspaceId)
            : await this.state.findById(meetingId);
        if (meetingId === 'live' && !meeting) {
          throw new LiveException(LiveErrorCode.NotLive, 'No meeting of this workspace is running');
        }
        if (!meeting || meeting.workspaceId !== viewer.workspaceId) throw notFound();
        return { meeting, role: null };
      }
    }
  }
}

function notFound(): MeetingException {
  return new MeetingException(MeetingErrorCode.NotFound, 'No such meeting');
}
