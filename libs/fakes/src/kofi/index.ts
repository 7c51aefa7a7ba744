export * from './kofi-webhook.sender';
