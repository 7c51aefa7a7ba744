import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../common/errors/domain.exception';

export enum RedeemsErrorCode {
  RewardNotFound = 'redeems.reward_not_found',
  RewardNameTaken = 'redeems.reward_name_taken',
  CategoryNotFound = 'redeems.category_not_found',
  CategoryNameTaken = 'redeems.category_name_taken',
  RedemptionNotFound = 'redeems.redemption_not_found',
  /** The redemption already left `pending` (a second refund, fulfil or reject). */
  AlreadyDecided = 'redeems.already_decided',
  /** No handler is registered for the reward's type. */
  TypeUnavailable = 'redeems.type_unavailable',
  /** A type handler refused the redeem (goal full, vote closed, unknown option…). */
  Refused = 'redeems.refused',
  ViewerNotFound = 'redeems.viewer_not_found',
  ImportInvalid = 'redeems.import_invalid',
  /** A request id was reused for a different reward or viewer. */
  RequestIdReused = 'redeems.request_id_reused',
}

const KIND: Record<RedeemsErrorCode, ErrorKind> = {
  [RedeemsErrorCode.RewardNotFound]: 'not_found',
  [RedeemsErrorCode.RewardNameTaken]: 'conflict',
  [RedeemsErrorCode.CategoryNotFound]: 'not_found',
  [RedeemsErrorCode.CategoryNameTaken]: 'conflict',
  [RedeemsErrorCode.RedemptionNotFound]: 'not_found',
  [RedeemsErrorCode.AlreadyDecided]: 'conflict',
  [RedeemsErrorCode.TypeUnavailable]: 'unavailable',
  [RedeemsErrorCode.Refused]: 'conflict',
  [RedeemsErrorCode.ViewerNotFound]: 'not_found',
  [RedeemsErrorCode.ImportInvalid]: 'invalid',
  [RedeemsErrorCode.RequestIdReused]: 'conflict',
};

export class RedeemsException extends DomainException {
  constructor(code: RedeemsErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
