import type { QuestionDto } from '@podium/contracts';
import { meetingTransitionEvents, revolutionFired, wantsWebhookEvent } from './webhook-events.rules';

const question = (id: string) => ({ id }) as QuestionDto;

describe('meeting transitions as webhook events', () => {
  it('opens a question on start/next and names the transition by the state version', () => {
    expect(
      meetingTransitionEvents({
        meetingId: 'm',
        previousPhase: 'waiting',
        state: { phase: 'question_open', version: 3, question: question('q1') },
      }),
    ).toEqual([{ type: 'question.opened', questionId: 'q1', sourceKey: 'question.opened:m:3' }]);
  });

  it('closes the previous question and opens the next one when "next" skips the close', () => {
    const events = meetingTransitionEvents({
      meetingId: 'm',
      previousPhase: 'question_open',
      state: { phase: 'question_open', version: 4, question: question('q2') },
      closedQuestionId: 'q1',
    });
    expect(events.map((e) => [e.type, e.questionId])).toEqual([
      ['question.closed', 'q1'],
      ['question.opened', 'q2'],
    ]);
  });

  it('ends the meeting once, closing its open question first', () => {
    const events = meetingTransitionEvents({
      meetingId: 'm',
      previousPhase: 'question_open',
      state: { phase: 'after', version: 9, question: null },
      closedQuestionId: 'q5',
    });
    expect(events.map((e) => e.type)).toEqual(['question.closed', 'meeting.ended']);
    expect(
      meetingTransitionEvents({
        meetingId: 'm',
        previousPhase: 'after',
        state: { phase: 'after', version: 10, question: null },
      }),
    ).toEqual([]);
  });

  it('makes nothing of results and scoreboard transitions', () => {
    expect(
      meetingTransitionEvents({
        meetingId: 'm',
        previousPhase: 'question_closed',
        state: { phase: 'results', version: 6, question: question('q1') },
      }),
    ).toEqual([]);
  });
});

describe('revolution fired', () => {
  it('is the report read at the instant of the fire', () => {
    expect(revolutionFired({ firedAt: '2026-01-01T00:00:00.000Z', at: '2026-01-01T00:00:00.000Z' })).toBe(
      true,
    );
    expect(revolutionFired({ firedAt: '2026-01-01T00:00:00.000Z', at: '2026-01-01T00:00:05.000Z' })).toBe(
      false,
    );
    expect(revolutionFired({ firedAt: null, at: '2026-01-01T00:00:00.000Z' })).toBe(false);
  });
});

describe('subscription filter', () => {
  it('wants only the chosen types', () => {
    expect(wantsWebhookEvent(['redeem.created'], 'redeem.created')).toBe(true);
    expect(wantsWebhookEvent(['redeem.created'], 'redeem.refunded')).toBe(false);
  });
});
