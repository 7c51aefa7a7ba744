import { randomUUID } from 'node:crypto';
import { useTestSuite } from './support/test-suite';
import { PlatformPresence } from '../src/modules/points/cycles/platform-presence';
import { PointsCyclesJob } from '../src/modules/points/cycles/points-cycles.job';
import { StreaksService } from '../src/modules/points/streaks/streaks.service';

const MINUTE = 60_000;
const NO_TICK = { POINTS_CYCLE_TICK_MS: String(24 * 60 * MINUTE) };

/**
 * The payout statement finds who is present itself (chatters of the window, listed viewers): merged
 * identities pay their merge target once, bots and deleted viewers are left out, and only listed
 * viewers who did not chat are handed to streak attendance.
 */
describe('Points cycle presence read inside the payout (PostgreSQL)', () => {
  const suite = useTestSuite({ env: () => NO_TICK });
  const job = () => suite.app.podium.app.get(PointsCyclesJob);
  const settings = (body: Record<string, unknown>) =>
    suite.owner.client.put(`/api/workspaces/${suite.owner.workspaceId}/points/settings`, body);
  // Hours back, so the app's own clock finds nobody present in these cycles.
  const base = new Date(Math.floor((Date.now() - 5 * 60 * MINUTE) / (10 * MINUTE)) * 10 * MINUTE);
  const at = (cycle: number) => new Date(base.getTime() + cycle * 10 * MINUTE + MINUTE);
  let connectionId: string;

  beforeAll(async () => {
    const [connection] = await suite.db.query<{ id: string }>(
      `INSERT INTO platform_connections (workspace_id, platform, account_id, status)
       VALUES ($1, 'owncast', $2, 'disconnected') RETURNING id`,
      [suite.owner.workspaceId, randomUUID()],
    );
    connectionId = connection!.id;
    await settings({ onlyWhileLive: false, presenceWindowMinutes: 15, pointsPerCycle: 10 });
  });

  async function viewer(mergedInto: string | null = null): Promise<string> {
    const [row] = await suite.db.query<{ id: string }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, display_name, merged_into_id)
       VALUES ($1, 'owncast', gen_random_uuid()::text, 'someone', $2) RETURNING id`,
      [suite.owner.workspaceId, mergedInto],
    );
    return row!.id;
  }

  async function chat(viewerId: string | null, when: Date, detail: Record<string, unknown> = {}) {
    await suite.db.query(
      `INSERT INTO chat_events (workspace_id, connection_id, platform, external_id, kind, viewer_id, payload,
         occurred_at, received_at, processed_at)
       VALUES ($1, $2, 'owncast', $3, 'message', $4, $5::jsonb, $6, $6, now())`,
      [
        suite.owner.workspaceId,
        connectionId,
        randomUUID(),
        viewerId,
        JSON.stringify({ kind: 'message', text: 'hi', detail }),
        when,
      ],
    );
  }

  async function payouts(cycle: number): Promise<Map<string, number>> {
    const rows = await suite.db.query<{ viewer_id: string; balance_after: string }>(
      `SELECT p.viewer_id, p.balance_after::text FROM points_cycle_payouts p
       JOIN points_cycles c ON c.workspace_id = p.workspace_id AND c.seq = p.cycle_seq
       WHERE p.workspace_id = $1 AND c.cycle_start = $2`,
      [suite.owner.workspaceId, new Date(at(cycle).getTime() - MINUTE)],
    );
    return new Map(rows.map((row) => [row.viewer_id, Number(row.balance_after)]));
  }

  it('pays a merge target once for all its identities, never bots or deleted viewers', async () => {
    const target = await viewer();
    const twitchSelf = await viewer(target);
    const youtubeSelf = await viewer(target);
    const plain = await viewer();
    const bot = await viewer();
    const gone = await viewer();
    const early = await viewer();
    const when = new Date(at(0).getTime() - 2 * MINUTE);
    for (const id of [target, twitchSelf, youtubeSelf, youtubeSelf, plain, gone]) await chat(id, when);
    await chat(bot, when, { isBot: true });
    await chat(null, when);
    // Before the 15-minute window.
    await chat(early, new Date(at(0).getTime() - 16 * MINUTE));
    await suite.db.query(`DELETE FROM viewers WHERE id = $1`, [gone]);

    expect(await job().runCycle(suite.owner.workspaceId, at(0))).toMatchObject({ kind: 'paid', viewers: 2 });
    expect(await payouts(0)).toEqual(
      new Map([
        [target, 10],
        [plain, 10],
      ]),
    );
    const held = await suite.db.query<{ viewer_id: string }>(
      `SELECT viewer_id FROM points_balances WHERE workspace_id = $1`,
      [suite.owner.workspaceId],
    );
    expect(held.map((row) => row.viewer_id).sort()).toEqual([target, plain].sort());
  });

  it('adds listed viewers (resolved to merge targets) and sends only those who did not chat to streaks', async () => {
    await settings({ presenceMode: 'listed' });
    const chatter = await viewer();
    const lurker = await viewer();
    const lurkerTarget = await viewer();
    const lurkerOtherSelf = await viewer(lurkerTarget);
    await chat(chatter, new Date(at(1).getTime() - MINUTE));
    const listed = jest
      .spyOn(suite.app.podium.app.get(PlatformPresence), 'listedViewerIds')
      .mockResolvedValue([chatter, lurker, lurkerOtherSelf, lurkerTarget]);
    const attend = jest.spyOn(suite.app.podium.app.get(StreaksService), 'attend').mockResolvedValue();
    try {
      // The first test's chatters are still inside this cycle's window too.
      const outcome = await job().runCycle(suite.owner.workspaceId, at(1));
      const paid = await payouts(1);
      expect(outcome).toMatchObject({ kind: 'paid', viewers: paid.size });
      for (const id of [chatter, lurker, lurkerTarget]) expect(paid.get(id)).toBe(10);
      expect(paid.has(lurkerOtherSelf)).toBe(false);
      expect(attend).toHaveBeenCalledTimes(1);
      expect([...(attend.mock.calls[0]?.[1] ?? [])].sort()).toEqual([lurker, lurkerTarget].sort());

      // Nobody chatted in the next window and nobody is listed: nothing paid, the cycle left unclaimed.
      listed.mockResolvedValue([]);
      const quiet = new Date(at(1).getTime() + 60 * MINUTE);
      expect(await job().runCycle(suite.owner.workspaceId, quiet)).toEqual({
        kind: 'skipped',
        reason: 'nobody_present',
      });
    } finally {
      listed.mockRestore();
      attend.mockRestore();
      await settings({ presenceMode: 'chatted' });
    }
  });
});
