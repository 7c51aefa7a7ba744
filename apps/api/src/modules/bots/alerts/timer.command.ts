import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { mayUse } from '@podium/bots';
import { ALERT_DEFAULT_DURATION_MS, TIMER_MAX_MINUTES, TIMER_MIN_MINUTES } from '@podium/contracts';
import { z } from 'zod';
import { DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import { JobScheduler } from '../../scheduler/job-scheduler';
import type { ChatStageContext } from '../chat-stages';
import { BuiltinCommands } from '../commands/builtin-commands';
import { AlertsService } from './alerts.service';
import { type CountdownRow, CountdownRepository, toTimerDto } from './countdown.repository';

export const TIMER_RING_JOB = 'bots.ringTimer';
const RingDataSchema = z.object({ timerId: z.uuid() });

/** One job per countdown; BullMQ refuses `:` in ids. */
export function timerRingJobId(timerId: string): string {
  return `bot-timer-${timerId}`;
}

const USAGE = `Usage: !timer <minutes> (${TIMER_MIN_MINUTES}–${TIMER_MAX_MINUTES}) or !timer stop`;

/** `!timer stop`, or a whole number of minutes in range; anything else is a usage error. */
export function parseTimerArgs(args: string): { minutes: number } | 'stop' | null {
  const word = args.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (word === 'stop' || word === 'off' || word === 'cancel') return 'stop';
  if (!/^\d{1,4}$/.test(word)) return null;
  const minutes = Number(word);
  return minutes >= TIMER_MIN_MINUTES && minutes <= TIMER_MAX_MINUTES ? { minutes } : null;
}

/**
 * `!timer <minutes>` (moderators): a countdown on the alerts overlay with an alarm alert at the
 * end. The alarm is a delayed job keyed by the countdown id, so a replaced or stopped countdown's
 * job finds nothing to ring, and two replicas ring it once.
 */
@Injectable()
export class TimerCommand implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(TimerCommand.name);

  constructor(
    private readonly commands: BuiltinCommands,
    private readonly scheduler: JobScheduler,
    private readonly countdowns: CountdownRepository,
    private readonly alerts: AlertsService,
    private readonly events: DomainEvents,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.commands.register({
      name: 'timer',
      permission: 'moderator',
      description: 'Start a countdown on the alerts overlay: !timer <minutes>, or !timer stop',
      run: (context, args) => this.run(context, args),
    });
    this.scheduler.register(TIMER_RING_JOB, async (run) => {
      const parsed = RingDataSchema.safeParse(run.data);
      if (!parsed.success) throw new Error(`invalid job data: ${parsed.error.message}`);
      await this.ring(parsed.data.timerId);
    });
  }

  /** The in-process scheduler forgets delayed jobs on restart: arm the countdowns still running. */
  async onApplicationBootstrap(): Promise<void> {
    for (const countdown of await this.countdowns.all(this.tx.none)) this.arm(countdown);
  }

  private async run(context: ChatStageContext, args: string): Promise<void> {
    const { workspaceId } = context.event;
    // The commands stage checks the permission too; a built-in must not rely on a single gate.
    if (!mayUse(context.event.viewer.roles, 'moderator')) return;
    const parsed = parseTimerArgs(args);
    if (parsed === null) return context.reply(USAGE, 'timer.usage');
    if (parsed === 'stop') {
      if (!(await context.once('timer.stop'))) return;
      const stopped = await this.countdowns.stop(this.tx.none, workspaceId);
      if (stopped) this.events.publish('timer.changed', { workspaceId, timer: null });
      return context.reply(stopped ? 'Timer stopped.' : 'No timer is running.', 'timer.reply');
    }
    if (!(await context.once('timer.start'))) return;
    const now = new Date();
    const countdown = await this.countdowns.replace(
      this.tx.none,
      workspaceId,
      now,
      new Date(now.getTime() + parsed.minutes * 60_000),
    );
    this.events.publish('timer.changed', { workspaceId, timer: toTimerDto(countdown) });
    this.arm(countdown);
    const unit = parsed.minutes === 1 ? 'minute' : 'minutes';
    await context.reply(`Timer set for ${parsed.minutes} ${unit}.`, 'timer.reply');
  }

  private arm(countdown: CountdownRow): void {
    const delayMs = Math.max(0, countdown.endsAt.getTime() - Date.now());
    this.scheduler
      .enqueue(TIMER_RING_JOB, { timerId: countdown.id }, { jobId: timerRingJobId(countdown.id), delayMs })
      .catch((error: unknown) =>
        this.logger.error({ err: error, timerId: countdown.id }, 'could not arm the timer alarm'),
      );
  }

  /** Rings once: the countdown row is taken and the alarm queued in one transaction. */
  async ring(timerId: string): Promise<void> {
    const rung = await this.tx.run(async (tx) => {
      // A little slack: timers of the job driver may fire a few ms before the stored end.
      const countdown = await this.countdowns.takeDue(tx, timerId, new Date(Date.now() + 1_000));
      if (!countdown) return null;
      const alert = await this.alerts.enqueueIn(tx, countdown.workspaceId, {
        kind: 'timer',
        text: "Time's up!",
        mediaId: null,
        soundMediaId: null,
        durationMs: ALERT_DEFAULT_DURATION_MS,
      });
      return { countdown, alert };
    });
    if (!rung) return;
    this.alerts.published(rung.alert);
    this.events.publish('timer.changed', { workspaceId: rung.countdown.workspaceId, timer: null });
  }
}
