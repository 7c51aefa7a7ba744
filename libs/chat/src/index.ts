export * from './split-message.rules';
export * from './owncast/owncast-signature.rules';
export * from './owncast/owncast-webhook.schema';
export * from './owncast/owncast-webhook.normalizer';
export * from './owncast/owncast-clients.normalizer';
export * from './youtube/youtube-api.schemas';
export * from './youtube/youtube-chat.normalizer';
export * from './youtube/youtube-quota.rules';
