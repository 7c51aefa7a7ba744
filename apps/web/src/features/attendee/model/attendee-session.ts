import type { JoinedMeetingDto } from '@podium/contracts';

/** The part of Web Storage this module uses, so tests can hand it a plain map. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What lets a phone come back as the same attendee after a reload or a lost network. */
export interface StoredAttendee {
  meetingId: string;
  meetingTitle: string;
  /** The code they joined with, to offer the join form again if the token stops working. */
  joinCode: string;
  attendeeId: string;
  nickname: string;
  token: string;
}

const PREFIX = 'podium.attendee.v1.';
const LAST_KEY = `${PREFIX}last`;
const meetingKey = (meetingId: string) => `${PREFIX}meeting.${meetingId}`;

/** localStorage that never throws (private mode, storage disabled): joining still works for this visit. */
export function browserStorage(): KeyValueStorage {
  const local = (): Storage | undefined => {
    try {
      return globalThis.localStorage;
    } catch {
      return undefined;
    }
  };
  return {
    getItem: (key) => {
      try {
        return local()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    setItem: (key, value) => {
      try {
        local()?.setItem(key, value);
      } catch {
        // Full or disabled: the attendee stays joined until the page closes.
      }
    },
    removeItem: (key) => {
      try {
        local()?.removeItem(key);
      } catch {
        // Nothing stored, nothing to forget.
      }
    },
  };
}

export function saveAttendee(
  storage: KeyValueStorage,
  joined: JoinedMeetingDto,
  joinCode: string,
): StoredAttendee {
  const stored: StoredAttendee = {
    meetingId: joined.meeting.id,
    meetingTitle: joined.meeting.title,
    joinCode,
    attendeeId: joined.attendee.id,
    nickname: joined.attendee.nickname,
    token: joined.attendeeToken,
  };
  storage.setItem(meetingKey(stored.meetingId), JSON.stringify(stored));
  storage.setItem(LAST_KEY, stored.meetingId);
  return stored;
}

export function loadAttendee(storage: KeyValueStorage, meetingId: string): StoredAttendee | null {
  const stored = parseStored(storage.getItem(meetingKey(meetingId)));
  // A value saved under another meeting's key was tampered with: it cannot be this meeting's token.
  return stored && stored.meetingId === meetingId ? stored : null;
}

/** The meeting this phone joined last, while its token is still stored. */
export function lastAttendee(storage: KeyValueStorage): StoredAttendee | null {
  const meetingId = storage.getItem(LAST_KEY);
  return meetingId ? loadAttendee(storage, meetingId) : null;
}

/** Drops a token the server refused (attendee removed, meeting reset): the join form comes back. */
export function forgetAttendee(storage: KeyValueStorage, meetingId: string): void {
  storage.removeItem(meetingKey(meetingId));
  if (storage.getItem(LAST_KEY) === meetingId) storage.removeItem(LAST_KEY);
}

function parseStored(raw: string | null): StoredAttendee | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const fields = ['meetingId', 'meetingTitle', 'joinCode', 'attendeeId', 'nickname', 'token'] as const;
  if (!fields.every((field) => typeof record[field] === 'string' && record[field] !== '')) return null;
  return {
    meetingId: record['meetingId'] as string,
    meetingTitle: record['meetingTitle'] as string,
    joinCode: record['joinCode'] as string,
    attendeeId: record['attendeeId'] as string,
    nickname: record['nickname'] as string,
    token: record['token'] as string,
  };
}
