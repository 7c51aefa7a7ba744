import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../../common/errors/domain.exception';

export enum GoalsVotesErrorCode {
  GoalNotFound = 'goals.not_found',
  /** A plain reset of a goal that is not complete (use a hard reset). */
  GoalNotCompleted = 'goals.not_completed',
  VoteNotFound = 'votes.not_found',
  GoalsForbidden = 'goals.forbidden',
}

const KIND: Record<GoalsVotesErrorCode, ErrorKind> = {
  [GoalsVotesErrorCode.GoalNotFound]: 'not_found',
  [GoalsVotesErrorCode.GoalNotCompleted]: 'conflict',
  [GoalsVotesErrorCode.VoteNotFound]: 'not_found',
  [GoalsVotesErrorCode.GoalsForbidden]: 'forbidden',
};

/** Errors of the goals, votes and special-reward admin (refusals of a redeem are RedeemsException). */
export class GoalsVotesException extends DomainException {
  constructor(code: GoalsVotesErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
