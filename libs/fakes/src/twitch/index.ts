export * from './eventsub-webhook';
export type { DeliverOptions, Delivery } from './fake-twitch.eventsub';
export * from './fake-twitch.server';
export type {
  FakeBan,
  FakeChatMessage,
  FakeDeletedMessage,
  FakeSubscription,
  FakeTwitchUser,
  RecordedRequest,
} from './fake-twitch.state';
export type { FakeChannel, FakeGame, FakeShoutout } from './fake-twitch.channel-routes';
