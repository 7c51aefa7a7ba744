import { roleAtLeast } from './roles.contract';
import { LoginRequestSchema, SetupRequestSchema } from './auth.contract';

describe('roleAtLeast', () => {
  it('orders viewer < moderator < owner', () => {
    expect(roleAtLeast('owner', 'moderator')).toBe(true);
    expect(roleAtLeast('moderator', 'moderator')).toBe(true);
    expect(roleAtLeast('viewer', 'moderator')).toBe(false);
    expect(roleAtLeast('moderator', 'owner')).toBe(false);
  });
});

describe('auth request schemas', () => {
  it('normalizes e-mail addresses', () => {
    const parsed = LoginRequestSchema.parse({ email: '  Ada@Example.ORG ', password: 'x' });
    expect(parsed.email).toBe('ada@example.org');
  });

  it('names the field at fault', () => {
    const result = SetupRequestSchema.safeParse({
      email: 'ada@example.org',
      password: 'short',
      displayName: 'Ada',
      workspaceName: 'Ada live',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['password']);
  });
});
