import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../common/errors/domain.exception';

export enum WebhooksErrorCode {
  SubscriptionNotFound = 'webhooks.subscription_not_found',
  DeliveryNotFound = 'webhooks.delivery_not_found',
  /** The workspace has as many subscriptions as allowed. */
  TooManySubscriptions = 'webhooks.too_many_subscriptions',
  /** A replay was asked for a delivery still being sent or retried. */
  DeliveryPending = 'webhooks.delivery_pending',
}

const KIND: Record<WebhooksErrorCode, ErrorKind> = {
  [WebhooksErrorCode.SubscriptionNotFound]: 'not_found',
  [WebhooksErrorCode.DeliveryNotFound]: 'not_found',
  [WebhooksErrorCode.TooManySubscriptions]: 'conflict',
  [WebhooksErrorCode.DeliveryPending]: 'conflict',
};

export class WebhooksException extends DomainException {
  constructor(code: WebhooksErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
