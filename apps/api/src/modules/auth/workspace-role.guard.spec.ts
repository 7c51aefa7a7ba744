import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@podium/contracts';
import type { WorkspaceAccess } from '../workspaces/workspace-access.service';
import type { Actor } from './auth.service';
import { Public } from './session.guard';
import { RequireRole, WorkspaceRoleGuard } from './workspace-role.guard';

const WORKSPACE = '11111111-1111-4111-8111-111111111111';
const ACTOR = { userId: 'u1' } as Actor;

class Routes {
  @RequireRole('moderator')
  declared(): string {
    return 'declared';
  }

  undeclared(): string {
    return 'undeclared';
  }

  @Public()
  open(): string {
    return 'open';
  }
}

function contextFor(
  handler: keyof Routes,
  params: Record<string, string>,
  actor?: Actor,
  request: Record<string, unknown> = {},
): ExecutionContext {
  Object.assign(request, { params, actor });
  return {
    getType: () => 'http',
    getClass: () => Routes,
    getHandler: () => Routes.prototype[handler],
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

describe('WorkspaceRoleGuard', () => {
  const checked: [string, Role][] = [];
  const access = {
    member: (actor: Actor, workspaceId: string, minimum: Role) => {
      checked.push([workspaceId, minimum]);
      return Promise.resolve({ ...actor, workspaceId, role: minimum });
    },
  } as WorkspaceAccess;
  const guard = new WorkspaceRoleGuard(new Reflector(), access);

  beforeEach(() => (checked.length = 0));

  it('checks the declared role against the workspace in the path', async () => {
    await expect(guard.canActivate(contextFor('declared', { workspaceId: WORKSPACE }, ACTOR))).resolves.toBe(
      true,
    );
    expect(checked).toEqual([[WORKSPACE, 'moderator']]);
  });

  it('puts the membership it found on the request, for @Membership()', async () => {
    const request: Record<string, unknown> = {};
    await guard.canActivate(contextFor('declared', { workspaceId: WORKSPACE }, ACTOR, request));
    expect(request['membership']).toEqual({ ...ACTOR, workspaceId: WORKSPACE, role: 'moderator' });
  });

  it('fails closed on a workspace route that declares no role', async () => {
    await expect(
      guard.canActivate(contextFor('undeclared', { workspaceId: WORKSPACE }, ACTOR)),
    ).rejects.toThrow(/Routes\.undeclared: a route under :workspaceId must declare @RequireRole/);
    expect(checked).toEqual([]);
  });

  it('refuses a declared role without a workspace in the path, and a malformed id', async () => {
    await expect(guard.canActivate(contextFor('declared', {}, ACTOR))).rejects.toThrow(/@RequireRole/);
    await expect(
      guard.canActivate(contextFor('declared', { workspaceId: 'nope' }, ACTOR)),
    ).rejects.toMatchObject({ code: 'validation.failed' });
    expect(checked).toEqual([]);
  });

  it('leaves public routes and routes outside a workspace alone', async () => {
    await expect(guard.canActivate(contextFor('open', { workspaceId: WORKSPACE }))).resolves.toBe(true);
    await expect(guard.canActivate(contextFor('undeclared', {}, ACTOR))).resolves.toBe(true);
    expect(checked).toEqual([]);
  });
});
