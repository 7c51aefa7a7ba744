export * from './kofi-payment.schema';
export * from './kofi-payment.normalizer';
export * from './kofi-token.rules';
