import type { AnswerInput, ApiErrorDto, QuestionDto } from '@podium/contracts';
import { useState } from 'react';
import type { AnswerFormProps } from './answer-props';

/** One answer in flight at a time, and the refusal of the last one until the attendee edits. */
export function useAnswerSender(send: AnswerFormProps<QuestionDto>['send']) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiErrorDto | null>(null);

  /** Resolves true once the server counted it; ignored (false) while another is in flight. */
  const submit = async (answer: AnswerInput): Promise<boolean> => {
    if (pending) return false;
    setPending(true);
    const failed = await send(answer);
    setError(failed);
    setPending(false);
    return failed === null;
  };

  return { pending, error, clearError: () => setError(null), submit };
}
