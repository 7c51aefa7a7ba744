export * from './twitch-chat-message.normalizer';
export * from './twitch-delivery.rules';
export * from './twitch-eventsub.normalizer';
export * from './twitch-eventsub.types';
export * from './twitch-limits.rules';
