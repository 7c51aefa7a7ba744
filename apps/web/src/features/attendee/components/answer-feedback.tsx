import type { ApiErrorDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';

/** The attendee's sentence for an `answer.submit` / `qa.*` ack error. */
export function useAnswerErrorText(): (error: ApiErrorDto) => string {
  const { t } = useTranslation();
  return (error) => {
    switch (error.code) {
      case 'client.network_unreachable':
      case 'client.timeout':
        return t('attendee.answer.errors.offline');
      case 'answer.banned_word':
        return t('attendee.answer.errors.bannedWord');
      case 'answer.too_many_words':
        return t('attendee.answer.errors.tooManyWords');
      case 'answer.duplicate_word':
        return t('attendee.answer.errors.duplicateWord');
      case 'answer.word_too_long':
        return t('attendee.answer.errors.wordTooLong');
      case 'answer.empty_word':
        return t('attendee.answer.errors.emptyWord');
      case 'answer.already_answered':
        return t('attendee.answer.errors.alreadyAnswered');
      case 'answer.not_answerable':
      case 'answer.question_not_open':
      case 'answer.too_late':
        return t('attendee.answer.errors.closed');
      case 'qa.own_entry':
        return t('attendee.answer.errors.ownEntry');
      case 'qa.too_many_questions':
        return t('attendee.answer.errors.tooManyQuestions');
      default:
        return error.message || t('errors.generic');
    }
  };
}

/** "Your answer counted": shown (not announced: the page's live region does that) once the server has it. */
export function AnswerCounted({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="attendee-counted" data-testid="answer-counted">
      <span aria-hidden="true">✓ </span>
      {t('attendee.answer.counted')}
      {canChange ? <span className="attendee-counted__hint"> {t('attendee.answer.canChange')}</span> : null}
    </p>
  );
}

export function AnswerError({ error }: { error: ApiErrorDto | null }) {
  const errorText = useAnswerErrorText();
  if (!error) return null;
  return (
    <p className="attendee-error" role="alert">
      {errorText(error)}
    </p>
  );
}

export interface AnswerFooterProps {
  error: ApiErrorDto | null;
  canSend: boolean;
  pending: boolean;
  /** The form differs from what was sent: there is something to send. */
  changed: boolean;
  /** The server has an answer from this attendee. */
  answered: boolean;
}

/** Under a poll, quiz or rating: the refusal, the send (or change) button, then "counted". */
export function AnswerFooter({ error, canSend, pending, changed, answered }: AnswerFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      <AnswerError error={error} />
      {canSend ? (
        <Button
          type="submit"
          variant="primary"
          className="btn--block attendee-touch"
          pending={pending}
          disabled={!changed}
          data-testid="submit-answer"
        >
          {answered ? t('attendee.answer.change') : t('attendee.answer.submit')}
        </Button>
      ) : null}
      {answered ? <AnswerCounted canChange={canSend} /> : null}
    </>
  );
}
