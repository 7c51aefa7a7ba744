import { Injectable } from '@nestjs/common';
import { type MeetingSnapshotDto, type Role, roleAtLeast } from '@podium/contracts';
import type { MeetingEntity } from '../meeting.entity';
import { QuestionsRepository } from '../questions.repository';
import { AnswersRepository } from './answers.repository';
import { LiveControlService } from './live-control.service';
import type { LiveViewer } from './live-access.service';
import { LiveResultsService } from './live-results.service';
import { stateFor, toLiveState } from './live-state.mapper';
import { LiveStateRepository } from './live-state.repository';
import { QaRepository } from './qa.repository';
import { ScoreboardService } from './scoreboard.service';

/** A viewer let into a meeting by LiveAccess.meetingFor. */
export interface Admission {
  viewer: LiveViewer;
  meeting: MeetingEntity;
  /** Organizers only; null for attendees and overlays. */
  role: Role | null;
}

/** What the organizers' dashboard shows of a meeting, without the socket's own fields (the public API). */
export type OrganizerView = Pick<
  Extract<MeetingSnapshotDto, { audience: 'organizer' }>,
  'state' | 'results' | 'scoreboard' | 'control'
>;

/** The full picture a client starts from (and resyncs to) when it sends `meeting.join`. */
@Injectable()
export class LiveSnapshotService {
  constructor(
    private readonly state: LiveStateRepository,
    private readonly questions: QuestionsRepository,
    private readonly answers: AnswersRepository,
    private readonly qa: QaRepository,
    private readonly results: LiveResultsService,
    private readonly scoreboard: ScoreboardService,
    private readonly control: LiveControlService,
  ) {}

  /** The organizer snapshot's state, results, scoreboard and control, for a caller that checked access. */
  async organizerView(meeting: MeetingEntity): Promise<OrganizerView> {
    const questions = await this.questions.listByMeeting(meeting.id);
    const current = questions.find((q) => q.id === meeting.currentQuestionId) ?? null;
    const results = await this.results.of(meeting, current);
    return {
      state: toLiveState(meeting, questions),
      results: results.organizer,
      scoreboard: await this.scoreboard.top(meeting.id),
      control: await this.control.control(meeting.id),
    };
  }

  /** `present`: attendees connected now (counted on the socket server by the caller). */
  async snapshot(
    { viewer, meeting: admitted, role }: Admission,
    present: number,
  ): Promise<MeetingSnapshotDto> {
    // Read again: the caller joined its rooms since admission, so nothing pushed in between is lost.
    const meeting = (await this.state.findById(admitted.id)) ?? admitted;
    const questions = await this.questions.listByMeeting(meeting.id);
    const organizerState = toLiveState(meeting, questions);
    const current = questions.find((q) => q.id === meeting.currentQuestionId) ?? null;
    const results = await this.results.of(meeting, current);
    switch (viewer.audience) {
      case 'organizer':
        return {
          audience: 'organizer',
          state: organizerState,
          results: results.organizer,
          scoreboard: await this.scoreboard.top(meeting.id),
          control: await this.control.control(meeting.id),
          present,
          canControl: role !== null && roleAtLeast(role, 'moderator'),
        };
      case 'overlay':
        return {
          audience: 'overlay',
          state: stateFor('overlay', organizerState),
          results: results.public,
          scoreboard: await this.scoreboard.top(meeting.id),
        };
      case 'attendee': {
        const { me, scoreboard } = await this.scoreboard.forAttendee(meeting.id, viewer.attendeeId);
        const myAnswer =
          current === null
            ? null
            : ((await this.answers.findMine(this.answers.none, current.id, viewer.attendeeId))?.payload ??
              null);
        const myUpvotes =
          current?.type === 'qa' ? await this.qa.myUpvotes(current.id, viewer.attendeeId) : [];
        return {
          audience: 'attendee',
          state: stateFor('attendee', organizerState),
          results: results.public,
          scoreboard,
          me,
          myAnswer,
          myUpvotes,
        };
      }
    }
  }
}
