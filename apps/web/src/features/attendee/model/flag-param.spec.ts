import type { KeyValueStorage } from './attendee-session';
import {
  clearPendingFlag,
  normalizeFlagParam,
  PENDING_FLAG_TTL_MS,
  pendingFlag,
  readFlagParam,
  rememberPendingFlag,
  withoutFlagParam,
} from './flag-param';

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('flag code from the address', () => {
  it('reads ?flag= the way the server reads codes: trimmed and upper-cased', () => {
    expect(readFlagParam('?flag=golden-key')).toBe('GOLDEN-KEY');
    expect(readFlagParam('?lang=fr&flag=%20abc_1%20')).toBe('ABC_1');
  });

  it('ignores what cannot be a flag code', () => {
    expect(readFlagParam('')).toBeNull();
    expect(readFlagParam('?flag=')).toBeNull();
    expect(readFlagParam('?flag=ab')).toBeNull();
    expect(readFlagParam('?flag=has%20space')).toBeNull();
    expect(readFlagParam(`?flag=${'x'.repeat(41)}`)).toBeNull();
    expect(normalizeFlagParam('<script>')).toBeNull();
  });

  it('takes the flag out of the query and keeps the rest', () => {
    expect(withoutFlagParam('?flag=ABC')).toBe('');
    expect(withoutFlagParam('?lang=fr&flag=ABC&x=1')).toBe('?lang=fr&x=1');
    expect(withoutFlagParam('')).toBe('');
  });
});

describe('pending flag', () => {
  const now = 1_700_000_000_000;

  it('is kept until sent, then cleared', () => {
    const storage = memoryStorage();
    rememberPendingFlag(storage, 'GOLD', now);
    expect(pendingFlag(storage, now + 1_000)).toBe('GOLD');
    expect(pendingFlag(storage, now + 2_000)).toBe('GOLD');
    clearPendingFlag(storage);
    expect(pendingFlag(storage, now + 3_000)).toBeNull();
  });

  it('expires, and is dropped when stale or unreadable', () => {
    const storage = memoryStorage();
    rememberPendingFlag(storage, 'GOLD', now);
    expect(pendingFlag(storage, now + PENDING_FLAG_TTL_MS)).toBeNull();
    // Dropped for good, not only hidden.
    expect(pendingFlag(storage, now)).toBeNull();

    storage.setItem('podium.attendee.v1.pendingFlag', 'garbage');
    expect(pendingFlag(storage, now)).toBeNull();
    expect(storage.getItem('podium.attendee.v1.pendingFlag')).toBeNull();

    // A clock that went backwards cannot make a code live forever.
    rememberPendingFlag(storage, 'GOLD', now);
    expect(pendingFlag(storage, now - 1)).toBeNull();
  });
});
