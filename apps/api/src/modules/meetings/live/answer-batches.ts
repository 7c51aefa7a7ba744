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
 * instead of one per answer (see bench/live-room.bench.ts). One writer per question, and a second
 * only for a backlog of a full batch: a writer for every arrival took slots for batches of three or
 * four answers, six statements each.
 */
export class AnswerBatches {
  private readonly queues = new Map<string, QuestionQueue>();

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
      let queue = this.queues.get(key);
      if (!queue) {
        queue = { meetingId, questionId, items: [], writers: 0 };
        this.queues.set(key, queue);
      }
      queue.items.push({ attendeeId, input, resolve, reject });
      if (queue.writers === 0 || queue.items.length >= MAX_ANSWER_BATCH) void this.drain(key, queue);
    });
  }

  /** Takes a write slot, then writes what is queued for the question, batch after batch, until none is left. */
  private async drain(key: string, queue: QuestionQueue): Promise<void> {
    queue.writers += 1;
    try {
      await this.slots.run(async () => {
        while (queue.items.length > 0) {
          // write settles every item itself, errors included.
          await this.write(queue.meetingId, queue.questionId, queue.items.splice(0, MAX_ANSWER_BATCH));
        }
      });
    } finally {
      queue.writers -= 1;
      if (queue.writers === 0) {
        // An answer that arrived while the last writer was handing its slot back still gets one.
        if (queue.items.length > 0) void this.drain(key, queue);
        else this.queues.delete(key);
      }
    }
  }
}

interface QuestionQueue {
  meetingId: string;
  questionId: string;
  items: PendingAnswer[];
  /** Writers holding or waiting for a slot for this question. */
  writers: number;
}
