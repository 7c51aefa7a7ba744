import { Logger } from '@nestjs/common';
import { MeetingRuleError } from '@podium/meetings';
import { QuestionRuleError } from '@podium/questions';
import { z } from 'zod';
import { ValidationException } from '../../../common/errors/validation.exception';
import { LiveErrorCode, LiveException } from './live.exception';
import { ackOf, parsePayload, toAck } from './socket-ack';

describe('socket acks', () => {
  it('gives the rule libs’ errors their status', () => {
    expect(toAck(new MeetingRuleError('meeting.illegal_transition', 'Close the question first.'))).toEqual({
      ok: false,
      error: { statusCode: 409, code: 'meeting.illegal_transition', message: 'Close the question first.' },
    });
    expect(toAck(new QuestionRuleError('answer.unknown_choice', 'Pick a choice.', 'choiceIds'))).toEqual({
      ok: false,
      error: {
        statusCode: 400,
        code: 'answer.unknown_choice',
        message: 'Pick a choice.',
        field: 'choiceIds',
      },
    });
    expect(toAck(new QuestionRuleError('answer.already_answered', 'Once.')).ok).toBe(false);
    const limited = toAck(new LiveException(LiveErrorCode.FlagTooManyAttempts, 'slow down'));
    expect(!limited.ok && limited.error.statusCode).toBe(429);
  });

  it('hides unexpected errors behind a 500 and logs them with their context', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const error = new Error('connection string postgres://secret@db');
    expect(toAck(error, { event: 'answer.submit' })).toEqual({
      ok: false,
      error: { statusCode: 500, code: 'internal', message: 'Something went wrong on our side' },
    });
    expect(logged).toHaveBeenCalledWith({ err: error, event: 'answer.submit' }, 'socket handler failed');
    logged.mockRestore();
  });

  it('acks an outage as 503 and logs one warning line, not a stack', () => {
    const failed = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    // What the pool throws while PostgreSQL is stopped.
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const ack = toAck(refused, { event: 'answer.submit' });
    expect(ack).toMatchObject({ ok: false, error: { statusCode: 503, code: 'database.unavailable' } });
    expect(failed).not.toHaveBeenCalled();
    expect(warned).toHaveBeenCalledTimes(1);
    expect(warned).toHaveBeenCalledWith(
      { event: 'answer.submit', code: 'database.unavailable', reason: 'connect ECONNREFUSED 127.0.0.1:5432' },
      'socket handler unavailable',
    );
    failed.mockRestore();
    warned.mockRestore();
  });

  it('validates payloads and names the field at fault', async () => {
    const schema = z.object({ meetingId: z.uuid() });
    expect(parsePayload(schema, { meetingId: '8f9c1b2e-4a5d-4e6f-9a7b-1c2d3e4f5a6b' })).toEqual({
      meetingId: '8f9c1b2e-4a5d-4e6f-9a7b-1c2d3e4f5a6b',
    });
    expect(() => parsePayload(schema, { meetingId: 'nope' })).toThrow(ValidationException);
    const ack = await ackOf(async () => parsePayload(schema, null));
    expect(ack).toMatchObject({ ok: false, error: { statusCode: 400, code: 'validation.failed' } });
    expect(await ackOf(async () => 42)).toEqual({ ok: true, data: 42 });
  });
});
