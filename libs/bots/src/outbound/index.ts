export * from './discord-message.rules';
export * from './webhook-events.rules';
export * from './webhook-retry.rules';
export * from './webhook-signature.rules';
