import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../../scheduler/job-scheduler';
import { MeetingPointsService } from './meeting-points.service';

export const MEETING_POINTS_JOB = 'points.meetingConversions';
const EVERY_MS = 60_000;
/** A conversion younger than this is still in the hands of the meeting's end handler. */
const GRACE_MS = 30_000;
const BATCH = 50;

/** Finishes meeting points conversions that the end handler did not (a crash, a database hiccup). */
@Injectable()
export class MeetingPointsJob implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly meetings: MeetingPointsService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(MEETING_POINTS_JOB, async () => {
      await this.meetings.convertOverdue(GRACE_MS, BATCH);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule(MEETING_POINTS_JOB, MEETING_POINTS_JOB, EVERY_MS);
  }
}
