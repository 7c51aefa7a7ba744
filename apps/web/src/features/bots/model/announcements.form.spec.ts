import { newAnnouncement, newConnection } from '../test/bots-shell.factory';
import {
  announcementFormValues,
  buildAnnouncementRequest,
  connectionLabel,
  nextPostDue,
  targetLabels,
  validateAnnouncementRequest,
} from './announcements.form';

const twitch = newConnection();
const owncast = newConnection({
  id: '33333333-3333-4333-8333-333333333333',
  platform: 'owncast',
  accountName: null,
});

describe('the announcement form', () => {
  it('round-trips a saved announcement', () => {
    const saved = newAnnouncement({ connectionIds: [twitch.id], liveOnly: false });
    expect(buildAnnouncementRequest(announcementFormValues(saved), [twitch, owncast])).toEqual({
      name: 'Socials',
      messages: ['Follow us!', 'Join the Discord!'],
      intervalMinutes: 15,
      liveOnly: false,
      minChatMessages: 5,
      connectionIds: [twitch.id],
      enabled: true,
    });
  });

  it('drops targets that are no longer connected', () => {
    const values = { ...announcementFormValues(null), connectionIds: [twitch.id, 'gone'] };
    expect(buildAnnouncementRequest(values, [twitch]).connectionIds).toEqual([twitch.id]);
  });

  it('names an empty or out-of-range interval instead of guessing one', () => {
    const base = { ...announcementFormValues(null), name: 'Socials', messages: 'Follow us!' };
    expect(validateAnnouncementRequest(buildAnnouncementRequest(base, []))).toEqual([]);
    for (const intervalMinutes of ['', '0', '1441', 'often']) {
      const fields = validateAnnouncementRequest(
        buildAnnouncementRequest({ ...base, intervalMinutes }, []),
      ).map((issue) => issue.field);
      expect({ intervalMinutes, fields }).toEqual({ intervalMinutes, fields: ['intervalMinutes'] });
    }
    const tooMany = Array.from({ length: 11 }, (_, i) => `message ${i}`).join('\n');
    expect(
      validateAnnouncementRequest(buildAnnouncementRequest({ ...base, messages: tooMany }, [])).map(
        (i) => i.field,
      ),
    ).toEqual(['messages']);
  });

  it('shows when the next post is due', () => {
    expect(nextPostDue({ lastPostedAt: null, intervalMinutes: 15 })).toBeNull();
    expect(nextPostDue({ lastPostedAt: '2026-11-21T10:00:00.000Z', intervalMinutes: 15 })).toBe(
      '2026-11-21T10:15:00.000Z',
    );
  });

  it('names targets by platform and account, leaving out removed ones', () => {
    const name = (platform: string) => platform.toUpperCase();
    expect(targetLabels([owncast.id, 'gone', twitch.id], [twitch, owncast], name)).toEqual([
      'OWNCAST',
      'TWITCH · ada_streams',
    ]);
    expect(connectionLabel(twitch, 'Twitch')).toBe('Twitch · ada_streams');
    expect(connectionLabel({ accountName: 'In-room chat' }, 'In-room chat')).toBe('In-room chat');
  });
});
