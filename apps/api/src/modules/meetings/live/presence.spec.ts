import type { PodiumServer } from '../../realtime/socket-data';
import { Presence } from './presence';

/** A socket server alone (no other replica): counting reads the map only. */
const alone = {
  of: () => ({ adapter: { serverCount: () => Promise.resolve(1) } }),
} as unknown as PodiumServer;

describe('Presence', () => {
  it('counts an attendee once whatever their tabs, and forgets sockets that leave', async () => {
    const presence = new Presence();
    presence.enter('s1', 'm1', 'ada');
    presence.enter('s2', 'm1', 'ada');
    presence.enter('s3', 'm1', 'bo');
    presence.enter('s4', 'm2', 'cy');
    expect(await presence.count(alone, 'm1')).toBe(2);

    presence.leave('s1');
    expect(await presence.count(alone, 'm1')).toBe(2);
    presence.leave('s2');
    presence.leave('s2'); // a second leave of the same socket changes nothing
    expect(await presence.count(alone, 'm1')).toBe(1);
    expect(await presence.count(alone, 'm2')).toBe(1);
    presence.leave('s3');
    expect(await presence.count(alone, 'm1')).toBe(0);
  });

  it('counts a socket joining twice once', async () => {
    const presence = new Presence();
    presence.enter('s1', 'm1', 'ada');
    presence.enter('s1', 'm1', 'ada');
    presence.leave('s1');
    expect(await presence.count(alone, 'm1')).toBe(0);
  });
});
