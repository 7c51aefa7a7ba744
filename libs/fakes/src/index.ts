export * from './owncast/fake-owncast.server';
export * from './owncast/owncast-webhook.sender';
export * from './owncast/owncast-fixtures';
