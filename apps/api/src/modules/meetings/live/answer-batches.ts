import type { AnswerInputSchema, MyAnswerDto } from '@podium/contracts';
import type { z } from 'zod';
import type { Semaphore } from '../../../common/concurrency/semaphore';

export type AnswerInput = z.output<typeof AnswerInputSchema>;

/** One attendee's submission waiting for its batch's transaction. */
export interface PendingAnswer {
  attendeeId: string;
  input: AnswerInput;
  resolve(answer: MyAnswerDto): void;
  reject(error: unknown): void;
}

/** Most answers one transaction writes. */
export const MAX_ANSWER_BATCH = 500;

/**
 * Group commit for a question's answers: a submission waits for a write slot, and whatever else
 * arrived for the same question meanwhile goes in the same transaction. A quiet room still writes
 * each answer at once (a batch of one); a burst of thousands costs a few transactions per tick
 * instead of one per answer (see bench/live-room.bench.ts).
 */
export class AnswerBatches {
  private readonly queues = new Map<
    string,
    { meetingId: string; questionId: string; items: PendingAnswer[] }
  >();

  constructor(
    private readonly slots: Semaphore,
    private readonly write: (meetingId: string, questionId: string, batch: PendingAnswer[]) => Promise<void>,
  ) {}

  submit(
    meetingId: string,
    questionId: string,
    attendeeId: string,
    input: AnswerInput,
  ): Promise<MyAnswerDto> {
    return new Promise((resolve, reject) => {
      const key = `${meetingId}/${questionId}`;
      const queue = this.queues.get(key);
      if (queue) {
        queue.items.push({ attendeeId, input, resolve, reject });
        return;
      }
      this.queues.set(key, { meetingId, questionId, items: [{ attendeeId, input, resolve, reject }] });
      void this.drain(key);
    });
  }

  /** Takes a write slot, then everything queued for the question so far (up to a batch). */
  private async drain(key: string): Promise<void> {
    await this.slots.run(async () => {
      const queue = this.queues.get(key);
      if (!queue) return;
      const batch = queue.items.splice(0, MAX_ANSWER_BATCH);
      if (queue.items.length === 0) this.queues.delete(key);
      else void this.drain(key);
      // write settles every item itself, errors included.
      await this.write(queue.meetingId, queue.questionId, batch);
    });
  }
}
