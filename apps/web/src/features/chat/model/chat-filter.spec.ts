import { newEvent } from '../test/chat.factory';
import { chatLogSearch, kindOrAll, matchesFilter, NO_FILTER, platformOrAll } from './chat-filter';

describe('chat filters', () => {
  it('matches pushes the way the server filters pages', () => {
    const raid = newEvent(1, { kind: 'raid', platform: 'twitch' });
    expect(matchesFilter(raid, NO_FILTER)).toBe(true);
    expect(matchesFilter(raid, { platform: 'twitch', kind: null })).toBe(true);
    expect(matchesFilter(raid, { platform: 'youtube', kind: null })).toBe(false);
    expect(matchesFilter(raid, { platform: 'twitch', kind: 'raid' })).toBe(true);
    expect(matchesFilter(raid, { platform: 'twitch', kind: 'follow' })).toBe(false);
  });

  it('reads select values, anything unknown meaning "all"', () => {
    expect(platformOrAll('owncast')).toBe('owncast');
    expect(platformOrAll('')).toBeNull();
    expect(platformOrAll('myspace')).toBeNull();
    expect(kindOrAll('stream_online')).toBe('stream_online');
    expect(kindOrAll('nope')).toBeNull();
  });

  it('builds the log query with only what is set', () => {
    expect(chatLogSearch(NO_FILTER, 100)).toBe('limit=100');
    expect(chatLogSearch({ platform: 'youtube', kind: 'donation' }, 50, 'e-id')).toBe(
      'limit=50&platform=youtube&kind=donation&before=e-id',
    );
  });
});
