import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RewardDto } from '@podium/contracts';
import { runCli } from '../src/cli/podium-cli';
import { redeemsHelpers } from './support/redeems';
import { useTestSuite } from './support/test-suite';

/** The ops CLI for rewards, the queue and points, against the real PostgreSQL. */
describe('redeems (PostgreSQL)', () => {
  const suite = useTestSuite();
  const { ws, client, newViewer, credit, balance, newReward, redeem } = redeemsHelpers(suite);

  describe('the ops CLI', () => {
    const cliEnv = () => ({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: suite.db.url,
      DATA_DIR: suite.app.dataDir,
    });
    async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
      const lines: string[] = [];
      const code = await runCli(argv, (line) => lines.push(line), cliEnv());
      return { code, out: lines.join('\n') };
    }

    it('clears the queue with refunds (or rejects with --no-refund) and resets counters', async () => {
      const viewer = await newViewer();
      await credit(viewer, 100);
      const list = await newReward({ price: 10 });
      const counter = await newReward({ type: 'counter', price: 1 });
      await redeem(viewer, list.id);
      await redeem(viewer, list.id);
      await redeem(viewer, counter.id);
      expect(await balance(viewer)).toBe(79);

      const rejected = await cli('queue:clear', '--reward', list.name, '--no-refund');
      expect(rejected).toEqual({ code: 0, out: expect.stringContaining('2 redemption(s) rejected') });
      expect(await balance(viewer)).toBe(79);
      await redeem(viewer, list.id);
      const refunded = await cli('queue:clear', `--workspace=${suite.owner.workspaceId}`);
      expect(refunded.out).toContain('redemption(s) refunded');
      expect(await balance(viewer)).toBe(79);

      expect((await cli('counters:reset', '--reward', counter.name)).out).toContain('1 counter(s) reset');
      expect((await client().get<RewardDto>(`${ws()}/rewards/${counter.id}`)).body.count).toBe(0);
      expect(await cli('counters:reset', '--reward', 'nope')).toEqual({
        code: 1,
        out: expect.stringContaining('no reward nope'),
      });
      expect((await cli('bogus')).code).toBe(2);
    });

    it('resets a milestone only when completed, or with --hard', async () => {
      const goal = await newReward({ type: 'goal', price: 0, goal: { target: 1000, milestones: [] } });
      const plain = await cli('milestone:reset', goal.name);
      expect(plain.code).toBe(1);
      expect(plain.out).toContain('not complete');
      const hard = await cli('milestone:reset', goal.name, '--hard');
      expect(hard).toEqual({ code: 0, out: expect.stringContaining('reset (hard), round 2') });
    });

    it('grants points to a viewer named by login, through `npx podium`', async () => {
      const login = `grantee${randomUUID().slice(0, 6)}`;
      const viewer = await newViewer(login);
      const { stdout } = await promisify(execFile)(
        'node',
        [
          join(__dirname, '../../../tools/cli/podium.cjs'),
          'points:grant',
          login,
          '250',
          '--note',
          'giveaway',
        ],
        { env: { ...process.env, ...cliEnv() }, timeout: 60_000 },
      );
      expect(stdout).toContain(`${login} +250, balance 250`);
      expect(await balance(viewer)).toBe(250);
      const [entry] = await suite.db.query<{ reason: string; note: string }>(
        `SELECT reason, note FROM points_ledger WHERE viewer_id = $1`,
        [viewer],
      );
      expect(entry).toEqual({ reason: 'adjust', note: 'giveaway' });
      expect((await cli('points:grant', 'nobody-at-all', '5')).out).toContain('no viewer nobody-at-all');
    }, 90_000);
  });
});
