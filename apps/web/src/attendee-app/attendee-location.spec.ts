import { attendeeRoute } from './attendee-location';

describe('attendeeRoute', () => {
  it('reads the join page, with or without a code', () => {
    expect(attendeeRoute('/join')).toEqual({ page: 'join', code: '' });
    expect(attendeeRoute('/join/')).toEqual({ page: 'join', code: '' });
    expect(attendeeRoute('/join/ABC123')).toEqual({ page: 'join', code: 'ABC123' });
    expect(attendeeRoute('/join/a%20b')).toEqual({ page: 'join', code: 'a b' });
  });

  it('reads the meeting page', () => {
    const meetingId = '00000000-0000-0000-0000-000000000000';
    expect(attendeeRoute(`/m/${meetingId}`)).toEqual({ page: 'meeting', meetingId });
    expect(attendeeRoute(`/m/${meetingId}/`)).toEqual({ page: 'meeting', meetingId });
  });

  it('shows no page for any other path, nor for one that cannot be decoded', () => {
    for (const path of ['/', '/m', '/m/', '/m/a/b', '/join/a/b', '/joinx', '/login', '/join/%E0%A4%A'])
      expect([path, attendeeRoute(path)]).toEqual([path, null]);
  });
});
