export * from './eventsub-webhook';
export type { DeliverOptions, Delivery } from './fake-twitch.eventsub';
export * from './fake-twitch.server';
export type { FakeChatMessage, FakeSubscription, FakeTwitchUser, RecordedRequest } from './fake-twitch.state';
