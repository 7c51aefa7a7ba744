import type { LiveStateDto, MeetingPhase, RevolutionProgressDto, WebhookEventType } from '@podium/contracts';

/**
 * A webhook event a domain change produced, before it is fanned out to subscriptions. `sourceKey`
 * names the change deterministically (a redelivered or retried domain event gives the same key), so
 * the event id derived from it is the same and each subscription gets it once.
 */
export interface WebhookEventDraft<T extends WebhookEventType = WebhookEventType> {
  type: T;
  sourceKey: string;
}

/** The question and meeting events one live transition makes (in the order they happened). */
export function meetingTransitionEvents(change: {
  meetingId: string;
  previousPhase: MeetingPhase;
  state: Pick<LiveStateDto, 'phase' | 'version' | 'question'>;
  closedQuestionId?: string;
}): {
  type: 'question.closed' | 'question.opened' | 'meeting.ended';
  questionId: string | null;
  sourceKey: string;
}[] {
  const { meetingId, previousPhase, state, closedQuestionId } = change;
  const at = `${meetingId}:${state.version}`;
  const events: ReturnType<typeof meetingTransitionEvents> = [];
  if (closedQuestionId) {
    events.push({
      type: 'question.closed',
      questionId: closedQuestionId,
      sourceKey: `question.closed:${at}`,
    });
  }
  if (state.phase === 'question_open' && state.question) {
    const reopenedSame = previousPhase === 'question_open' && closedQuestionId === undefined;
    if (!reopenedSame) {
      events.push({
        type: 'question.opened',
        questionId: state.question.id,
        sourceKey: `question.opened:${at}`,
      });
    }
  }
  if (state.phase === 'after' && previousPhase !== 'after') {
    events.push({ type: 'meeting.ended', questionId: null, sourceKey: `meeting.ended:${at}` });
  }
  return events;
}

/** A revolution fired in this progress report: the report read at the instant of the fire. */
export function revolutionFired(progress: Pick<RevolutionProgressDto, 'firedAt' | 'at'>): boolean {
  return progress.firedAt !== null && progress.firedAt === progress.at;
}

/** Whether a subscription listening to `eventTypes` wants an event of `type`. */
export function wantsWebhookEvent(eventTypes: readonly string[], type: WebhookEventType): boolean {
  return eventTypes.includes(type);
}
