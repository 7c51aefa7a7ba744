import { mayUse, permissionAtLeast, viewerPermission } from './permission.rules';

describe('viewerPermission', () => {
  it('takes the strongest role, and a YouTube member counts as a subscriber', () => {
    expect(viewerPermission([])).toBe('everyone');
    expect(viewerPermission(['member'])).toBe('subscriber');
    expect(viewerPermission(['subscriber', 'vip'])).toBe('vip');
    expect(viewerPermission(['subscriber', 'moderator', 'vip'])).toBe('moderator');
    expect(viewerPermission(['broadcaster'])).toBe('broadcaster');
  });
});

describe('mayUse', () => {
  it('orders everyone < subscriber < vip < moderator < broadcaster', () => {
    expect(mayUse([], 'everyone')).toBe(true);
    expect(mayUse([], 'subscriber')).toBe(false);
    expect(mayUse(['member'], 'subscriber')).toBe(true);
    expect(mayUse(['subscriber'], 'vip')).toBe(false);
    expect(mayUse(['vip'], 'subscriber')).toBe(true);
    expect(mayUse(['vip'], 'moderator')).toBe(false);
    expect(mayUse(['moderator'], 'moderator')).toBe(true);
    expect(mayUse(['moderator'], 'broadcaster')).toBe(false);
    expect(mayUse(['broadcaster'], 'moderator')).toBe(true);
  });

  it('compares levels directly', () => {
    expect(permissionAtLeast('vip', 'vip')).toBe(true);
    expect(permissionAtLeast('subscriber', 'vip')).toBe(false);
  });
});
