export {};
export * from './owncast/fake-owncast.server';
export * from './owncast/owncast-webhook.sender';
export * from './owncast/owncast-fixtures';
export * from './youtube/fake-youtube.server';
export * from './youtube/fake-youtube-chat';
export * from './youtube/fake-google-oauth';
export * from './youtube/youtube-fixtures';
export * from './twitch';
