import { type ExecutionContext, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SESSION_COOKIE } from '../../common/http/session-cookie';
import type { Actor, AuthService } from './auth.service';
import { type AuthenticatedRequest, Public, SessionGuard } from './session.guard';

const ADA = { userId: 'u1' } as Actor;

class Routes {
  @Public()
  health(): string {
    return 'health';
  }

  meetings(): string {
    return 'meetings';
  }
}

function contextFor(
  handler: keyof Routes,
  cookie?: string,
): { context: ExecutionContext; request: AuthenticatedRequest } {
  const request = {
    url: `/api/${handler}`,
    cookies: cookie ? { [SESSION_COOKIE]: cookie } : {},
  } as AuthenticatedRequest;
  const context = {
    getType: () => 'http',
    getClass: () => Routes,
    getHandler: () => Routes.prototype[handler],
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

/** What the pool throws while PostgreSQL is stopped. */
const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

function guardWith(lookup: (token: string) => Promise<Actor | null>): SessionGuard {
  return new SessionGuard(new Reflector(), { actorForSessionToken: lookup } as AuthService);
}

describe('SessionGuard', () => {
  let warned: jest.SpyInstance;
  let failed: jest.SpyInstance;
  beforeEach(() => {
    warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    failed = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('signs the caller in from the cookie, on public and signed-in routes alike', async () => {
    const guard = guardWith((token) => Promise.resolve(token === 'good' ? ADA : null));
    for (const handler of ['health', 'meetings'] as const) {
      const { context, request } = contextFor(handler, 'good');
      await expect(guard.canActivate(context)).resolves.toBe(true);
      expect(request.actor).toBe(ADA);
    }
    await expect(guard.canActivate(contextFor('meetings', 'stale').context)).rejects.toMatchObject({
      code: 'auth.unauthenticated',
    });
  });

  it('serves a public route anonymously when the session lookup fails (the database is down)', async () => {
    const guard = guardWith(() => Promise.reject(refused()));
    const { context, request } = contextFor('health', 'good');
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.actor).toBeUndefined();
    expect(warned).toHaveBeenCalledTimes(1);
    expect(warned.mock.calls[0]?.[0]).toMatchObject({ url: '/api/health', outage: 'database' });
    expect(failed).not.toHaveBeenCalled();
  });

  it('still fails a signed-in route with the lookup’s error (the filter answers 503)', async () => {
    const guard = guardWith(() => Promise.reject(refused()));
    await expect(guard.canActivate(contextFor('meetings', 'good').context)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    expect(warned).not.toHaveBeenCalled();
  });

  it('logs an unexpected lookup failure with its stack, and still serves the public route', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    const guard = guardWith(() => Promise.reject(bug));
    const { context, request } = contextFor('health', 'good');
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.actor).toBeUndefined();
    expect(failed).toHaveBeenCalledWith(
      { err: bug, url: '/api/health' },
      'session lookup failed: served anonymously',
    );
  });
});
