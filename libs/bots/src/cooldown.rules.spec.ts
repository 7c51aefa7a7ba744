import { checkCooldowns, cooldownEndsAt, remainingMs, startCooldowns } from './cooldown.rules';

const t = Date.UTC(2026, 10, 21, 12, 0, 0);

describe('cooldowns', () => {
  it('are exact at the boundary', () => {
    const ends = cooldownEndsAt(t, 30);
    expect(checkCooldowns({ globalEndsAt: ends }, t + 29_999)).toEqual({
      allowed: false,
      scope: 'global',
      remainingMs: 1,
    });
    expect(checkCooldowns({ globalEndsAt: ends }, t + 30_000)).toEqual({ allowed: true });
  });

  it('refuse on the per-user cooldown while the global one has ended', () => {
    const use = { globalEndsAt: cooldownEndsAt(t, 5), userEndsAt: cooldownEndsAt(t, 60) };
    expect(checkCooldowns(use, t + 5_000)).toEqual({ allowed: false, scope: 'user', remainingMs: 55_000 });
    expect(checkCooldowns(use, t + 60_000)).toEqual({ allowed: true });
  });

  it('name the global cooldown first when both run', () => {
    const use = { globalEndsAt: cooldownEndsAt(t, 10), userEndsAt: cooldownEndsAt(t, 60) };
    expect(checkCooldowns(use, t + 1)).toMatchObject({ allowed: false, scope: 'global' });
  });

  it('allow anything never used', () => {
    expect(checkCooldowns({}, t)).toEqual({ allowed: true });
    expect(remainingMs(null, t)).toBe(0);
  });

  it('start only the cooldowns that are set', () => {
    expect(startCooldowns({ globalCooldownSeconds: 30, userCooldownSeconds: 0 }, t)).toEqual({
      globalEndsAt: t + 30_000,
      userEndsAt: null,
    });
    expect(startCooldowns({ globalCooldownSeconds: 0, userCooldownSeconds: 86_400 }, t)).toEqual({
      globalEndsAt: null,
      userEndsAt: t + 86_400_000,
    });
  });
});
