import type { JoinedMeetingDto } from '@podium/contracts';
import {
  forgetAttendee,
  type KeyValueStorage,
  lastAttendee,
  loadAttendee,
  saveAttendee,
} from './attendee-session';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const joined = (meetingId: string, nickname = 'Ada'): JoinedMeetingDto => ({
  attendeeToken: `att-${meetingId}.c2lnbmF0dXJl`,
  attendee: { id: `att-${meetingId}`, nickname },
  meeting: { id: meetingId, title: `Meeting ${meetingId}` },
});

describe('attendee session storage', () => {
  it('keeps the token per meeting and remembers the last meeting joined', () => {
    const storage = memoryStorage();
    saveAttendee(storage, joined('m1', 'Ada'), 'ABC234');
    saveAttendee(storage, joined('m2', 'Bob'), 'XYZ789');

    expect(loadAttendee(storage, 'm1')).toEqual({
      meetingId: 'm1',
      meetingTitle: 'Meeting m1',
      joinCode: 'ABC234',
      attendeeId: 'att-m1',
      nickname: 'Ada',
      token: 'att-m1.c2lnbmF0dXJl',
    });
    expect(loadAttendee(storage, 'm2')?.nickname).toBe('Bob');
    expect(lastAttendee(storage)?.meetingId).toBe('m2');
    expect(loadAttendee(storage, 'm3')).toBeNull();
  });

  it('replaces the token when the same meeting is joined again', () => {
    const storage = memoryStorage();
    saveAttendee(storage, joined('m1', 'Ada'), 'ABC234');
    saveAttendee(storage, { ...joined('m1', 'Ada 2'), attendeeToken: 'new.token' }, 'ABC234');
    expect(loadAttendee(storage, 'm1')).toMatchObject({ nickname: 'Ada 2', token: 'new.token' });
  });

  it('forgets a refused token, and the last meeting with it', () => {
    const storage = memoryStorage();
    saveAttendee(storage, joined('m1'), 'ABC234');
    saveAttendee(storage, joined('m2'), 'XYZ789');

    forgetAttendee(storage, 'm1');
    expect(loadAttendee(storage, 'm1')).toBeNull();
    expect(lastAttendee(storage)?.meetingId).toBe('m2');

    forgetAttendee(storage, 'm2');
    expect(lastAttendee(storage)).toBeNull();
    expect(storage.data.size).toBe(0);
  });

  it('ignores what it cannot trust: broken JSON, missing fields, a value stored under another meeting', () => {
    const storage = memoryStorage();
    storage.setItem('podium.attendee.v1.meeting.m1', '{not json');
    expect(loadAttendee(storage, 'm1')).toBeNull();

    storage.setItem('podium.attendee.v1.meeting.m1', JSON.stringify({ meetingId: 'm1', token: 't' }));
    expect(loadAttendee(storage, 'm1')).toBeNull();

    saveAttendee(storage, joined('m2'), 'XYZ789');
    storage.setItem('podium.attendee.v1.meeting.m1', storage.getItem('podium.attendee.v1.meeting.m2') ?? '');
    expect(loadAttendee(storage, 'm1')).toBeNull();
  });
});
