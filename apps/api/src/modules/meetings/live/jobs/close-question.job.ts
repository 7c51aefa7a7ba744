import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { QUESTION_CLOSE_DELAY_MS } from '@podium/meetings';
import { z } from 'zod';
import { DomainEvents } from '../../../../common/events/domain-events';
import { JobScheduler } from '../../../scheduler/job-scheduler';
import { LiveStateRepository } from '../live-state.repository';
import { LiveService, type TimedClose } from '../live.service';

export const CLOSE_QUESTION_JOB = 'meetings.closeTimedQuestion';

export const CloseQuestionDataSchema = z.object({
  meetingId: z.uuid(),
  questionId: z.uuid(),
  /** The live_version the question was opened at: a later run of the meeting is another job. */
  version: z.number().int().min(0),
});

/** One job per opening; BullMQ refuses `:` in ids, hence the dashes. */
export function closeQuestionJobId({ meetingId, questionId, version }: TimedClose): string {
  return `meeting-close-${meetingId}-${questionId}-v${version}`;
}

/**
 * Closes a timed question one second after its deadline (answers stop at the deadline itself).
 * Armed when a timed question opens, keyed by meeting, question and version so duplicates collapse
 * and a stale job does nothing. BullMQ keeps jobs across restarts; the in-process driver does not,
 * so every start re-arms the timers of questions still open (the same key collapses again).
 */
@Injectable()
export class CloseQuestionJob implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CloseQuestionJob.name);
  private off?: () => void;

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly live: LiveService,
    private readonly state: LiveStateRepository,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(CLOSE_QUESTION_JOB, async (run) => {
      const parsed = CloseQuestionDataSchema.safeParse(run.data);
      if (!parsed.success) throw new Error(`invalid job data: ${parsed.error.message}`);
      const closed = await this.live.closeByTimer(parsed.data);
      this.logger.log(
        { ...parsed.data, closed },
        closed ? 'timed question closed' : 'timed question already moved on',
      );
    });
    this.off = this.events.on('meeting.stateChanged', ({ meetingId, state }) => {
      if (state.phase !== 'question_open' || state.closesAt === null || state.question === null) return;
      this.arm(
        { meetingId, questionId: state.question.id, version: state.version },
        new Date(state.closesAt),
      );
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const meeting of await this.state.listOpenTimed()) {
      if (meeting.currentQuestionId === null || meeting.questionClosesAt === null) continue;
      this.arm(
        { meetingId: meeting.id, questionId: meeting.currentQuestionId, version: meeting.liveVersion },
        meeting.questionClosesAt,
      );
    }
  }

  onModuleDestroy(): void {
    this.off?.();
  }

  private arm(close: TimedClose, closesAt: Date): void {
    const delayMs = Math.max(0, closesAt.getTime() + QUESTION_CLOSE_DELAY_MS - Date.now());
    this.scheduler
      .enqueue(CLOSE_QUESTION_JOB, close, { jobId: closeQuestionJobId(close), delayMs })
      .catch((error: unknown) =>
        // The deadline still holds (late answers are refused); the organizer can close by hand.
        this.logger.error({ err: error, ...close }, 'could not arm the question timer'),
      );
  }
}
