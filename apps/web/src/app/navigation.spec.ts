import { loginPath, safeNextPath, sectionOf, workspacePath } from './navigation';

describe('navigation helpers', () => {
  it('accepts only same-app paths as a next page', () => {
    expect(safeNextPath('/w/1/members')).toBe('/w/1/members');
    expect(safeNextPath('//evil.example')).toBeNull();
    expect(safeNextPath('/\\evil.example')).toBeNull();
    expect(safeNextPath('https://evil.example')).toBeNull();
    expect(safeNextPath(null)).toBeNull();
  });

  it('builds sign-in links that come back', () => {
    expect(loginPath('/invite/abc')).toBe('/login?next=%2Finvite%2Fabc');
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('https://evil.example')).toBe('/login');
  });

  it('builds and reads dashboard paths', () => {
    expect(workspacePath('w1')).toBe('/w/w1');
    expect(workspacePath('w1', 'members')).toBe('/w/w1/members');
    expect(sectionOf('/w/w1/overlays')).toBe('overlays');
    expect(sectionOf('/w/w1')).toBe('');
    expect(sectionOf('/w/w1/unknown')).toBe('');
    expect(sectionOf('/w/w1/meetings/m1')).toBe('meetings');
    expect(sectionOf('/w/w1/flags')).toBe('flags');
    expect(sectionOf('/w/w1/connections')).toBe('connections');
    expect(sectionOf('/w/w1/chat')).toBe('chat');
    expect(sectionOf('/w/w1/viewers')).toBe('viewers');
    expect(sectionOf('/w/w1/bots/commands')).toBe('bots');
    expect(sectionOf('/w/w1/rehearsal')).toBe('rehearsal');
    expect(sectionOf('/w/w1/points/leaderboard')).toBe('points');
    expect(sectionOf('/w/w1/rewards/queue')).toBe('rewards');
  });
});
