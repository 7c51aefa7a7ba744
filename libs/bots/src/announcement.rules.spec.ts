import {
  announcementDueAt,
  announcementVerdict,
  isAnnouncementDue,
  MINUTE_MS,
  rotateAnnouncement,
} from './announcement.rules';

const t0 = new Date('2026-11-21T10:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('announcement timing', () => {
  it('is due exactly one interval after the last post, not a millisecond before', () => {
    const timing = { intervalMinutes: 5, lastPostedAt: t0, createdAt: new Date(0) };
    expect(announcementDueAt(timing)).toEqual(at(5 * MINUTE_MS));
    expect(isAnnouncementDue(timing, at(5 * MINUTE_MS - 1))).toBe(false);
    expect(isAnnouncementDue(timing, at(5 * MINUTE_MS))).toBe(true);
    expect(isAnnouncementDue(timing, at(60 * MINUTE_MS))).toBe(true);
  });

  it('counts a never-posted announcement from its creation', () => {
    const timing = { intervalMinutes: 2, lastPostedAt: null, createdAt: t0 };
    expect(isAnnouncementDue(timing, at(2 * MINUTE_MS - 1))).toBe(false);
    expect(isAnnouncementDue(timing, at(2 * MINUTE_MS))).toBe(true);
  });

  it('takes a shorter minute for tests', () => {
    const timing = { intervalMinutes: 3, lastPostedAt: t0, createdAt: t0 };
    expect(isAnnouncementDue(timing, at(2_999), 1_000)).toBe(false);
    expect(isAnnouncementDue(timing, at(3_000), 1_000)).toBe(true);
  });
});

describe('announcement verdict', () => {
  const base = { liveOnly: false, minChatMessages: 0, anyLive: false, chatMessagesSince: 0 };

  it('posts with no conditions', () => {
    expect(announcementVerdict(base)).toEqual({ post: true });
  });

  it('skips a live-only announcement while nothing is live', () => {
    expect(announcementVerdict({ ...base, liveOnly: true })).toEqual({ post: false, reason: 'offline' });
    expect(announcementVerdict({ ...base, liveOnly: true, anyLive: true })).toEqual({ post: true });
  });

  it('skips while fewer chat messages than required arrived, posts at exactly that many', () => {
    expect(announcementVerdict({ ...base, minChatMessages: 3, chatMessagesSince: 2 })).toEqual({
      post: false,
      reason: 'quiet',
    });
    expect(announcementVerdict({ ...base, minChatMessages: 3, chatMessagesSince: 3 })).toEqual({
      post: true,
    });
  });

  it('reports offline before quiet', () => {
    expect(announcementVerdict({ ...base, liveOnly: true, minChatMessages: 5 })).toEqual({
      post: false,
      reason: 'offline',
    });
  });
});

describe('rotation', () => {
  it('posts the messages in order and starts over', () => {
    const messages = ['a', 'b', 'c'];
    let next = 0;
    const posted: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const turn = rotateAnnouncement(messages, next);
      posted.push(turn.text);
      next = turn.nextIndex;
    }
    expect(posted).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  });

  it('starts over when the list shrank below the stored index', () => {
    expect(rotateAnnouncement(['x', 'y'], 5)).toEqual({ text: 'x', nextIndex: 1 });
    expect(rotateAnnouncement(['only'], 0)).toEqual({ text: 'only', nextIndex: 0 });
  });

  it('refuses an empty list', () => {
    expect(() => rotateAnnouncement([], 0)).toThrow();
  });
});
