export * from './split-message.rules';
