import { writeFileSync } from 'node:fs';
import { setUpCallers, type AuthzCallers } from './support/authz-callers';
import { AUTHZ_MATRIX, CALLED_LAST, entryOf } from './support/authz-matrix';
import {
  CALLERS,
  INVALID_BODY,
  call,
  inBatches,
  judge,
  keyOf,
  routesOf,
  takesBody,
  type Observation,
  type RouteKey,
} from './support/authz-run';
import { useTestSuite } from './support/test-suite';

/**
 * The authorization matrix: every HTTP route the running app serves (read from the Express router)
 * × every kind of caller. Callers below a route's requirement are refused (401/403, or 404 for
 * another workspace); callers at or above it are never refused (400/404/409/422 count as "got past
 * auth": bodies are `{}` and ids do not exist, so nothing changes).
 */
describe('authorization matrix', () => {
  const suite = useTestSuite({
    env: () => ({
      PUBLIC_URL: 'http://podium.test',
      API_RATE_LIMIT_PER_TOKEN: '100000',
      API_RATE_LIMIT_PER_IP: '100000',
    }),
  });
  let routes: RouteKey[];
  let callers: AuthzCallers;

  beforeAll(async () => {
    routes = routesOf(suite.app.podium.app.getHttpAdapter().getInstance());
    callers = await setUpCallers(suite);
  });

  it('reads the routes from the router (the walk below is not vacuous)', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes).toContainEqual({ method: 'get', path: '/api/workspaces/:workspaceId/meetings' });
    expect(routes).toContainEqual({ method: 'post', path: '/api/v1/workspaces/:workspaceId/meetings' });
  });

  it('judges holes and wrongful refusals as problems (the verdicts below can fail)', () => {
    const route = 'DELETE /api/workspaces/:workspaceId/meetings/:meetingId';
    expect(judge('moderator', { route, caller: 'viewer', status: 404 })).toMatch(/should refuse viewer/);
    expect(judge('moderator', { route, caller: 'viewer', status: 204 })).toMatch(/should refuse viewer/);
    expect(judge('moderator', { route, caller: 'owner', status: 403 })).toMatch(/owner meets/);
    expect(judge('moderator', { route, caller: 'otherOwner', status: 404 })).toBeUndefined();
    expect(judge('moderator', { route, caller: 'moderator', status: 404 })).toBeUndefined();
    expect(judge('apiToken:meetings:write', { route, caller: 'apiTokenWithoutScope', status: 404 })).toMatch(
      /should refuse/,
    );
    expect(judge('public', { route, caller: 'anonymous', status: 500 })).toMatch(/server error/);
  });

  it('has an entry for every route, and no entry for a route that is gone', () => {
    const served = new Set(routes.map(keyOf));
    const missing = [...served].filter((key) => !(key in AUTHZ_MATRIX)).map((key) => `${key}: add an entry`);
    const stale = Object.keys(AUTHZ_MATRIX)
      .filter((key) => !served.has(key))
      .map((key) => `${key}: no such route, remove the entry`);
    expect([...missing, ...stale]).toEqual([]);
  });

  /** Write routes that a viewer (a read-only co-host) may not use. */
  const writesAboveViewer = () =>
    routes.filter((route) => {
      const entry = entryOf(keyOf(route));
      return takesBody(route) && (entry?.requires === 'moderator' || entry?.requires === 'owner');
    });

  it('checks the role before the body: a viewer or a stranger with an invalid body learns nothing', async () => {
    const writes = writesAboveViewer();
    expect(writes.length).toBeGreaterThan(60);
    const expected = { viewer: 403, otherOwner: 404 } as const;
    const observations = await inBatches(
      writes.flatMap((route) =>
        (['viewer', 'otherOwner'] as const).map(
          (caller) => () =>
            call(suite.app.baseUrl, callers, route, entryOf(keyOf(route)), caller, INVALID_BODY),
        ),
      ),
      32,
    );
    const problems = observations
      .filter((seen) => seen.status !== expected[seen.caller as keyof typeof expected])
      .map(
        (seen) => `${seen.route} as ${seen.caller} with an invalid body: ${seen.status} ${seen.code ?? ''}`,
      );
    expect(problems).toEqual([]);
  });

  it('sends a body that is really invalid (the check above is not vacuous)', async () => {
    // Routes that validate a body carry a valid one in their entry: the owner gets 400 for ours.
    const validating = writesAboveViewer().filter((route) => entryOf(keyOf(route))?.body);
    expect(validating.length).toBeGreaterThan(30);
    const observations = await inBatches(
      validating.map(
        (route) => () =>
          call(suite.app.baseUrl, callers, route, entryOf(keyOf(route)), 'owner', INVALID_BODY),
      ),
      32,
    );
    const accepted = observations
      .filter((seen) => seen.status !== 400)
      .map((seen) => `${seen.route}: ${seen.status}`);
    expect(accepted).toEqual([]);
  });

  // Last: it calls the sign-out routes, which end the callers' sessions.
  it('refuses every caller below the requirement and lets every caller at or above it through', async () => {
    const dump = process.env['PODIUM_AUTHZ_DUMP'];
    const known = dump ? routes : routes.filter((route) => keyOf(route) in AUTHZ_MATRIX);
    const plan = (subset: RouteKey[]) =>
      subset.flatMap((route) =>
        CALLERS.map((caller) => () => call(suite.app.baseUrl, callers, route, entryOf(keyOf(route)), caller)),
      );
    const first = known.filter((route) => !CALLED_LAST.includes(keyOf(route)));
    const last = known.filter((route) => CALLED_LAST.includes(keyOf(route)));
    const observations: Observation[] = [
      ...(await inBatches(plan(first), 32)),
      ...(await inBatches(plan(last), 1)),
    ];
    // Writes what every caller got, to review a new route's behaviour before writing its entry.
    if (dump) writeFileSync(dump, JSON.stringify(observations, null, 1));
    expect(observations).toHaveLength(known.length * CALLERS.length);
    const problems = observations.flatMap((observation) => {
      const entry = entryOf(observation.route);
      const verdict = entry && judge(entry.requires, observation);
      return verdict ? [verdict] : [];
    });
    expect(problems).toEqual([]);
  });
});
