import { isEligible, type ViewerFacts } from './eligibility.rules';

const nobody: ViewerFacts = {
  roles: [],
  followed: false,
  subscribed: false,
  kofiSupporter: false,
  owncastAuthenticated: false,
};

describe('isEligible', () => {
  it('lets everyone redeem an everyone reward', () => {
    expect(isEligible('everyone', nobody)).toBe(true);
  });

  it('asks followers for a follow, and accepts subscribers as followers', () => {
    expect(isEligible('followers', nobody)).toBe(false);
    expect(isEligible('followers', { ...nobody, followed: true })).toBe(true);
    expect(isEligible('followers', { ...nobody, roles: ['subscriber'] })).toBe(true);
  });

  it('accepts a subscriber role, a YouTube member or a recorded subscription for subscribers', () => {
    expect(isEligible('subscribers', { ...nobody, followed: true })).toBe(false);
    expect(isEligible('subscribers', { ...nobody, roles: ['member'] })).toBe(true);
    expect(isEligible('subscribers', { ...nobody, subscribed: true })).toBe(true);
    expect(isEligible('subscribers', { ...nobody, roles: ['vip', 'moderator'] })).toBe(false);
  });

  it('needs a linked Ko-fi payment or an authenticated Owncast user for those', () => {
    expect(isEligible('kofi_supporters', { ...nobody, subscribed: true })).toBe(false);
    expect(isEligible('kofi_supporters', { ...nobody, kofiSupporter: true })).toBe(true);
    expect(isEligible('owncast_authenticated', nobody)).toBe(false);
    expect(isEligible('owncast_authenticated', { ...nobody, owncastAuthenticated: true })).toBe(true);
  });

  it('always lets the broadcaster redeem', () => {
    expect(isEligible('kofi_supporters', { ...nobody, roles: ['broadcaster'] })).toBe(true);
  });
});
