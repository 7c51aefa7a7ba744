import { CHAT_SEND_MAX_LENGTH } from '@podium/contracts';
import { composeRequest, keepExisting } from './composer';

describe('composeRequest', () => {
  it('sends to every connection without naming them', () => {
    expect(composeRequest('  hello chat  ', 'all', new Set(['c1']))).toEqual({
      request: { text: 'hello chat' },
    });
  });

  it('names the chosen connections, and needs at least one', () => {
    expect(composeRequest('hi', 'chosen', new Set(['c2', 'c1']))).toEqual({
      request: { text: 'hi', connectionIds: ['c1', 'c2'] },
    });
    expect(composeRequest('hi', 'chosen', new Set())).toEqual({ problem: 'noTarget' });
  });

  it('refuses an empty or too long message before sending', () => {
    expect(composeRequest('   ', 'all', new Set())).toEqual({ problem: 'empty' });
    expect(composeRequest('x'.repeat(CHAT_SEND_MAX_LENGTH + 1), 'all', new Set())).toEqual({
      problem: 'tooLong',
    });
  });

  it('forgets chosen connections that are gone', () => {
    expect([...keepExisting(new Set(['a', 'gone']), ['a', 'b'])]).toEqual(['a']);
  });
});
