import type { MyAnswerDto } from '@podium/contracts';
import { Semaphore } from '../../../common/concurrency/semaphore';
import { AnswerBatches, MAX_ANSWER_BATCH, type PendingAnswer } from './answer-batches';

const tick = () => new Promise((resolve) => setImmediate(resolve));
const answer = { kind: 'choice', choiceIds: ['a'] } as unknown as PendingAnswer['input'];

/** A writer that records each batch's attendees and finishes it when the test says so. */
function gatedWriter() {
  const batches: string[][] = [];
  const gates: (() => void)[] = [];
  const write = async (_meetingId: string, _questionId: string, batch: PendingAnswer[]) => {
    batches.push(batch.map((item) => item.attendeeId));
    await new Promise<void>((resolve) => gates.push(resolve));
    for (const item of batch) item.resolve({} as MyAnswerDto);
  };
  const openAll = async () => {
    while (gates.length > 0) {
      gates.splice(0).forEach((open) => open());
      await tick();
    }
  };
  return { batches, write, openAll };
}

describe('AnswerBatches', () => {
  it('writes a lone answer at once, and what arrives meanwhile together after it', async () => {
    const { batches, write, openAll } = gatedWriter();
    const answers = new AnswerBatches(new Semaphore(4), write);
    const all = [answers.submit('m', 'q', 'a1', answer)];
    await tick();
    all.push(...['a2', 'a3', 'a4'].map((id) => answers.submit('m', 'q', id, answer)));
    await tick();
    // Free slots, but one writer per question: the three wait for the first batch.
    expect(batches).toEqual([['a1']]);
    await openAll();
    await Promise.all(all);
    expect(batches).toEqual([['a1'], ['a2', 'a3', 'a4']]);
  });

  it('takes a second slot for a backlog of a full batch, and writes other questions side by side', async () => {
    const { batches, write, openAll } = gatedWriter();
    const answers = new AnswerBatches(new Semaphore(4), write);
    const ids = Array.from({ length: MAX_ANSWER_BATCH + 1 }, (_, i) => `a${i}`);
    const all = ids.map((id) => answers.submit('m', 'q', id, answer));
    all.push(answers.submit('m', 'other', 'b1', answer));
    await tick();
    expect(batches.map((batch) => batch.length)).toEqual([1, MAX_ANSWER_BATCH, 1]);
    expect(batches[2]).toEqual(['b1']);
    await openAll();
    await Promise.all(all);
    expect(batches.flat()).toHaveLength(MAX_ANSWER_BATCH + 2);
  });
});
