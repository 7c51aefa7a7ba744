import { Injectable } from '@nestjs/common';
import type { JoinedMeetingDto, JoinPreviewDto } from '@podium/contracts';
import { AppSecrets } from '../../../config/secrets';
import { MeetingsRepository } from '../meetings.repository';
import { MeetingErrorCode, MeetingException } from '../meetings.exception';
import { type AttendeeIdentity, AttendeesRepository } from './attendees.repository';
import { signAttendeeToken, verifyAttendeeToken } from './attendee-token';

/** Tokens longer than this are not ours: refuse them before any hashing. */
const TOKEN_MAX_LENGTH = 200;

/**
 * The key nicknames are unique by: NFKC (full-width and compatibility forms fold), inner
 * whitespace collapsed, lower-cased. "Ana", "ANA" and "Ａｎａ" are one nickname.
 */
export function nicknameKeyOf(nickname: string): string {
  return nickname.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Attendees: joining with a code and a nickname, and who a token stands for. */
@Injectable()
export class AttendeesService {
  constructor(
    private readonly attendees: AttendeesRepository,
    private readonly meetings: MeetingsRepository,
    private readonly secrets: AppSecrets,
  ) {}

  async preview(joinCode: string): Promise<JoinPreviewDto> {
    const meeting = await this.meetings.findByJoinCode(joinCode);
    if (!meeting) throw unknownCode();
    return { meetingId: meeting.id, title: meeting.title, phase: meeting.phase };
  }

  async join(joinCode: string, nickname: string): Promise<JoinedMeetingDto> {
    const meeting = await this.meetings.findByJoinCode(joinCode);
    if (!meeting) throw unknownCode();
    if (meeting.phase === 'after') {
      throw new MeetingException(MeetingErrorCode.Ended, 'This meeting has ended');
    }
    const attendee = await this.attendees.insert(meeting.id, nickname, nicknameKeyOf(nickname));
    if (!attendee) {
      throw new MeetingException(MeetingErrorCode.NicknameTaken, 'Someone already uses this nickname here', {
        field: 'nickname',
      });
    }
    return {
      attendeeToken: signAttendeeToken(this.secrets.sessionSecret, attendee.id),
      attendee: { id: attendee.id, nickname: attendee.nickname },
      meeting: { id: meeting.id, title: meeting.title },
    };
  }

  /** Who the token stands for, or null when it is forged or the attendee is gone (a reset). */
  async resolveToken(token: string): Promise<AttendeeIdentity | null> {
    if (token.length > TOKEN_MAX_LENGTH) return null;
    const attendeeId = verifyAttendeeToken(this.secrets.sessionSecret, token);
    if (!attendeeId) return null;
    return this.attendees.touch(attendeeId, new Date());
  }
}

function unknownCode(): MeetingException {
  return new MeetingException(MeetingErrorCode.UnknownJoinCode, 'No meeting has this code');
}
