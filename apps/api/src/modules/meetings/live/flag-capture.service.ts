import { Injectable } from '@nestjs/common';
import type { MyScoreDto } from '@podium/contracts';
import { normalizeFlagCode } from '@podium/meetings';
import { DomainEvents } from '../../../common/events/domain-events';
import { FlagsRepository } from '../flags/flags.repository';
import { MeetingErrorCode, MeetingException } from '../meetings.exception';
import type { AttendeeViewer } from './live-access.service';
import { LiveLimiters } from './live-limiters';
import { LiveStateRepository } from './live-state.repository';
import { LiveErrorCode, LiveException } from './live.exception';
import { ScoreboardRepository } from './scoreboard.repository';
import { ScoreboardService } from './scoreboard.service';

export interface CapturedFlag {
  flagName: string;
  points: number;
  me: MyScoreDto;
}

/** Attendees typing a flag's secret code: once per flag, wrong codes rate-limited. */
@Injectable()
export class FlagCaptureService {
  constructor(
    private readonly state: LiveStateRepository,
    private readonly flags: FlagsRepository,
    private readonly scores: ScoreboardRepository,
    private readonly scoreboard: ScoreboardService,
    private readonly limiters: LiveLimiters,
    private readonly events: DomainEvents,
  ) {}

  async capture(attendee: AttendeeViewer, rawCode: string): Promise<CapturedFlag> {
    await this.limiters.assertFlagTriesLeft(attendee.attendeeId);
    const meeting = await this.state.findById(attendee.meetingId);
    if (!meeting) throw new MeetingException(MeetingErrorCode.NotFound, 'No such meeting');
    if (meeting.phase === 'after')
      throw new LiveException(LiveErrorCode.MeetingEnded, 'This meeting has ended');
    const code = normalizeFlagCode(rawCode);
    const flag = code ? await this.flags.findByCode(meeting.workspaceId, code) : null;
    if (!flag || (flag.meetingId !== null && flag.meetingId !== meeting.id)) {
      await this.limiters.countWrongFlag(attendee.attendeeId);
      throw new LiveException(LiveErrorCode.FlagWrongCode, 'That is not a flag of this meeting', {
        field: 'code',
      });
    }
    const captured = await this.scores.insertCapture({
      flagId: flag.id,
      attendeeId: attendee.attendeeId,
      meetingId: meeting.id,
      points: flag.points,
    });
    if (!captured) {
      throw new LiveException(LiveErrorCode.FlagAlreadyCaptured, 'You have already found this flag');
    }
    this.events.publish('meeting.scoreboardChanged', { meetingId: meeting.id });
    return {
      flagName: flag.name,
      points: flag.points,
      me: await this.scoreboard.myScore(meeting.id, attendee.attendeeId),
    };
  }
}
