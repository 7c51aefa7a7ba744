import type { QuestionDto } from '@podium/contracts';
import { newPoll } from '@podium/ui/testing';
import { canAnswer, flagProblem, joinProblem, ratingRange, wasRight, wordsLeft } from './attendee-rules';

const base = { id: 'q1', meetingId: 'm1', position: 0, title: 'Q', closedAt: null };
const poll = (allowAnswerChange: boolean) => newPoll('q1', { allowAnswerChange });
const cloud: QuestionDto = {
  ...base,
  type: 'wordcloud',
  maxWordsPerAttendee: 2,
  maxWordLength: 25,
  bannedWords: [],
  timeLimitSeconds: null,
};

describe('wasRight', () => {
  it('single selection: right when the one pick is a correct choice', () => {
    expect(wasRight(false, ['a'], ['a', 'c'])).toBe(true);
    expect(wasRight(false, ['b'], ['a'])).toBe(false);
  });

  it('multiple selection: right only for exactly the correct set', () => {
    expect(wasRight(true, ['c', 'a'], ['a', 'c'])).toBe(true);
    expect(wasRight(true, ['a'], ['a', 'c'])).toBe(false);
    expect(wasRight(true, ['a', 'b', 'c'], ['a', 'c'])).toBe(false);
  });

  it('says nothing without an answer or while the correct choices are secret', () => {
    expect(wasRight(false, null, ['a'])).toBeNull();
    expect(wasRight(false, [], ['a'])).toBeNull();
    expect(wasRight(false, ['a'], null)).toBeNull();
  });
});

describe('canAnswer', () => {
  it('needs the question open and its timer running', () => {
    expect(canAnswer('question_open', poll(true), null, null)).toBe(true);
    expect(canAnswer('question_open', poll(true), null, 3)).toBe(true);
    expect(canAnswer('question_open', poll(true), null, 0)).toBe(false);
    expect(canAnswer('question_closed', poll(true), null, null)).toBe(false);
    expect(canAnswer('results', poll(true), null, null)).toBe(false);
  });

  it('lets an answer change only when the question allows it', () => {
    const answered = { type: 'poll' as const, choiceIds: ['a'] };
    expect(canAnswer('question_open', poll(true), answered, null)).toBe(true);
    expect(canAnswer('question_open', poll(false), answered, null)).toBe(false);
  });

  it('takes words until the attendee has sent their allowance', () => {
    expect(wordsLeft(cloud, null)).toBe(2);
    expect(wordsLeft(cloud, { type: 'wordcloud', words: ['one'] })).toBe(1);
    expect(canAnswer('question_open', cloud, { type: 'wordcloud', words: ['one'] }, null)).toBe(true);
    expect(canAnswer('question_open', cloud, { type: 'wordcloud', words: ['one', 'two'] }, null)).toBe(false);
  });

  it('never for a slide', () => {
    const slide: QuestionDto = { ...base, type: 'slide', body: '', imageUrl: null };
    expect(canAnswer('question_open', slide, null, null)).toBe(false);
  });
});

describe('ratingRange', () => {
  it('matches the scales the server validates', () => {
    expect(ratingRange('stars5')).toEqual({ min: 1, max: 5, steps: [1, 2, 3, 4, 5] });
    expect(ratingRange('ten').steps).toHaveLength(10);
    expect(ratingRange('slider100')).toEqual({ min: 0, max: 100, steps: null });
  });
});

describe('error wording', () => {
  const error = (statusCode: number, code: string) => ({ statusCode, code, message: '' });

  it('tells a taken nickname from an unknown code and an ended meeting', () => {
    expect(joinProblem(error(409, 'meeting.nickname_taken'))).toBe('nicknameTaken');
    expect(joinProblem(error(404, 'meeting.not_found'))).toBe('unknownCode');
    expect(joinProblem(error(409, 'meeting.ended'))).toBe('ended');
    expect(joinProblem(error(400, 'validation.failed'))).toBe('invalid');
    expect(joinProblem(error(500, 'internal'))).toBe('other');
  });

  it('tells the flag problems apart', () => {
    expect(flagProblem(error(404, 'flag.not_found'))).toBe('wrongCode');
    expect(flagProblem(error(409, 'flag.already_captured'))).toBe('alreadyCaptured');
    expect(flagProblem(error(429, 'flag.too_many_attempts'))).toBe('tooManyTries');
    expect(flagProblem(error(0, 'client.timeout'))).toBe('network');
    expect(flagProblem(error(500, 'internal'))).toBe('other');
  });
});
