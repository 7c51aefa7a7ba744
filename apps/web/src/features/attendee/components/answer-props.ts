import type { AnswerInput, ApiErrorDto, MyAnswerDto, QuestionDto } from '@podium/contracts';

export type QuestionOf<T extends QuestionDto['type']> = Extract<QuestionDto, { type: T }>;

/** What every answer form gets from the page; `send` resolves to the ack error, or null once counted. */
export interface AnswerFormProps<Q extends QuestionDto> {
  question: Q;
  myAnswer: MyAnswerDto | null;
  /** The question is open, its timer has not run out, and this attendee may (still) answer. */
  canSend: boolean;
  send: (answer: AnswerInput) => Promise<ApiErrorDto | null>;
}
