import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AttendeeEntity } from './attendees/attendee.entity';
import { AttendeesRepository } from './attendees/attendees.repository';
import { AttendeesService } from './attendees/attendees.service';
import { JoinController } from './attendees/join.controller';
import { FlagCaptureEntity } from './flags/flag-capture.entity';
import { FlagEntity } from './flags/flag.entity';
import { FlagsController } from './flags/flags.controller';
import { FlagsRepository } from './flags/flags.repository';
import { FlagsService } from './flags/flags.service';
import { AnswerEntity } from './live/answer.entity';
import { QaEntryEntity } from './live/qa-entry.entity';
import { QaUpvoteEntity } from './live/qa-upvote.entity';
import { MeetingAccess } from './meeting-access.service';
import { MeetingEntity } from './meeting.entity';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { QuestionEntity } from './question.entity';
import { QuestionsController } from './questions.controller';
import { QuestionsRepository } from './questions.repository';
import { QuestionsService } from './questions.service';

const PROVIDERS = [
  MeetingAccess,
  MeetingsService,
  MeetingsRepository,
  QuestionsService,
  QuestionsRepository,
  AttendeesService,
  AttendeesRepository,
  FlagsService,
  FlagsRepository,
];

/** Meetings as organizers prepare them, flags, and attendees joining. The live run is MeetingsLiveModule. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      MeetingEntity,
      QuestionEntity,
      AttendeeEntity,
      FlagEntity,
      FlagCaptureEntity,
      AnswerEntity,
      QaEntryEntity,
      QaUpvoteEntity,
    ]),
    WorkspacesModule,
  ],
  controllers: [MeetingsController, QuestionsController, FlagsController, JoinController],
  providers: PROVIDERS,
  // The live module reads and locks these rows too, and needs the entities' repositories.
  exports: [TypeOrmModule, ...PROVIDERS],
})
export class MeetingsModule {}
