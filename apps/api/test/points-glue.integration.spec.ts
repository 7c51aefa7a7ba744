import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AnnouncementDto,
  EventAlertSettingsDto,
  KofiSettingsDto,
  RehearsalEventRequest,
  RehearsalInjectionDto,
  StreakDto,
} from '@podium/contracts';
import { postKofiWebhook } from '@podium/fakes';
import { ConnectionsService } from '../src/modules/chat/connections/connections.service';
import { PlatformPresence } from '../src/modules/points/cycles/platform-presence';
import { PointsCyclesJob } from '../src/modules/points/cycles/points-cycles.job';
import { sleep, until } from './support/live-harness';
import { useTestSuite } from './support/test-suite';

const MINUTE = 60_000;
/** Announcements: a "minute" of one second, checked five times a second. Cycles only run by hand. */
const ENV = {
  BOTS_ANNOUNCEMENT_TICK_MS: '200',
  BOTS_ANNOUNCEMENT_MINUTE_MS: '1000',
  POINTS_CYCLE_TICK_MS: String(24 * 60 * MINUTE),
};
const KOFI_TOKEN = '6d1f7c2a-3b9e-4f05-8a41-c2e7d9b0f318';

/** The recorded Ko-fi donation's payment object with some fields replaced. */
function kofiDonation(overrides: Record<string, unknown>): string {
  const file = join(__dirname, 'fixtures/kofi/donation.request.json');
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as { form: { data: string } };
  return JSON.stringify({ ...(JSON.parse(recorded.form.data) as Record<string, unknown>), ...overrides });
}

describe('points glue: passive mode, Ko-fi alerts, listed streaks, (PostgreSQL)', () => {
  const suite = useTestSuite({ env: () => ENV });
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const get = <T>(type: abstract new (...args: never[]) => T) => suite.app.podium.app.get(type);

  async function rehearse(body: RehearsalEventRequest): Promise<RehearsalInjectionDto> {
    const sent = await suite.owner.client.post<RehearsalInjectionDto>(`${ws()}/rehearsal/events`, {
      eventId: randomUUID(),
      ...body,
    });
    expect(sent.status).toBe(201);
    return sent.body;
  }
  const say = (displayName: string, text: string) =>
    rehearse({ kind: 'message', viewer: { displayName }, text });

  const said = async (fragment: string): Promise<string[]> =>
    (
      await suite.db.query<{ text: string }>(
        'select text from chat_outbox where workspace_id = $1 and text like $2 order by seq',
        [suite.owner.workspaceId, `%${fragment}%`],
      )
    ).map((row) => row.text);
  /** How many times each connection was told a line containing `fragment`. */
  const timesPerConnection = async (fragment: string): Promise<number[]> =>
    (
      await suite.db.query<{ n: number }>(
        `select count(*)::int as n from chat_outbox where workspace_id = $1 and text like $2
         group by connection_id`,
        [suite.owner.workspaceId, `%${fragment}%`],
      )
    ).map((row) => row.n);
  const alertsWith = async (fragment: string): Promise<string[]> =>
    (
      await suite.db.query<{ text: string }>(
        'select text from bot_alerts where workspace_id = $1 and text like $2 order by starts_at',
        [suite.owner.workspaceId, `%${fragment}%`],
      )
    ).map((row) => row.text);

  const setPassive = async (passive: boolean) =>
    expect((await suite.owner.client.put(`${ws()}/points/settings`, { passive })).status).toBe(200);

  async function setAlert(kind: 'follow' | 'donation', enabled: boolean): Promise<void> {
    const served = await suite.owner.client.get<EventAlertSettingsDto>(`${ws()}/bots/alerts/${kind}`);
    const { chatTemplate, alertTemplate, mediaId, soundMediaId, durationMs } = served.body;
    const body = { enabled, chatTemplate, alertTemplate, mediaId, soundMediaId, durationMs, minAmount: 0 };
    expect((await suite.owner.client.put(`${ws()}/bots/alerts/${kind}`, body)).status).toBe(200);
  }

  it('keeps the bot quiet in passive mode except !points, and talks again when it ends', async () => {
    const tag = randomUUID().slice(0, 8);
    const created = await suite.owner.client.post(`${ws()}/bots/commands`, {
      name: 'hello',
      responses: [`Hello {user} ${tag}`],
    });
    expect(created.status).toBe(201);
    await suite.owner.client.post(`${ws()}/bots/auto-responses`, {
      matchMode: 'contains',
      terms: [`word${tag}`],
      responses: [`Auto ${tag}`],
    });
    await setAlert('follow', true);
    await get(ConnectionsService).ensureInroom(suite.owner.workspaceId);

    await setPassive(true);
    const announced = await suite.owner.client.post<AnnouncementDto>(`${ws()}/bots/announcements`, {
      name: `Announcement ${tag}`,
      messages: [`Announce ${tag}`],
      intervalMinutes: 1,
      liveOnly: false,
    });
    expect(announced.status).toBe(201);
    await say('Hush', '!hello');
    await say('Hush', `a word${tag} here`);
    await rehearse({ kind: 'follow', viewer: { displayName: `Fol${tag}` } });
    await say('Hush', '!points');
    // !points is answered; the follow still plays its overlay alert.
    await until('the !points reply', async () => (await said('Hush has ')).length > 0);
    await until('the follow alert', async () => (await alertsWith(`Fol${tag}`)).length > 0);
    // Two announcement periods (and ten ticks) go by: nothing else was said.
    await sleep(2_500);
    expect(await said('Hush has ')).toEqual(['Hush has 0 points']);
    expect(await said(tag)).toEqual([]);
    expect((await suite.owner.client.get<AnnouncementDto[]>(`${ws()}/bots/announcements`)).body).toEqual([
      expect.objectContaining({ id: announced.body.id, lastPostedAt: null }),
    ]);

    await setPassive(false);
    await say('Loud', '!hello');
    await until('the hello reply', async () => (await said(`Hello Loud ${tag}`)).length > 0);
    await say('Loud', `word${tag}`);
    await until('the auto-response', async () => (await said(`Auto ${tag}`)).length > 0);
    await until('the announcement', async () => (await said(`Announce ${tag}`)).length > 0, 5_000);
    await rehearse({ kind: 'follow', viewer: { displayName: `Loud${tag}` } });
    await until('the follow thanks', async () => (await said(`Loud${tag}`)).length > 0);
    // Nothing said while passive was held back to be said now.
    expect(await said(`Hello Hush`)).toEqual([]);
    expect(await said(`Fol${tag}`)).toEqual([]);
    await suite.owner.client.patch(`${ws()}/bots/announcements/${announced.body.id}`, { enabled: false });
  });

  it('raises the donation alert and chat line for a Ko-fi payment, once, and only when donation alerts are on', async () => {
    const settings = await suite.owner.client.get<KofiSettingsDto>(`${ws()}/kofi/settings`);
    const hook = `${suite.app.baseUrl}${new URL(settings.body.webhookUrl).pathname}`;
    expect(
      (await suite.owner.client.put(`${ws()}/kofi/settings`, { verificationToken: KOFI_TOKEN })).status,
    ).toBe(200);
    await setAlert('donation', true);

    const name = `Corvid${randomUUID().slice(0, 6)}`;
    const data = kofiDonation({ kofi_transaction_id: randomUUID(), from_name: name, amount: '7.50' });
    expect((await postKofiWebhook(hook, data)).body).toMatchObject({ status: 'recorded' });
    await until('the Ko-fi alert', async () => (await alertsWith(name)).length > 0);
    await until('the Ko-fi thanks', async () => (await said(name)).length > 0);
    // Ko-fi delivers again (it retries until it sees a 200): nothing more.
    expect((await postKofiWebhook(hook, data)).body).toMatchObject({ status: 'duplicate' });
    await sleep(500);
    expect(await alertsWith(name)).toEqual([`${name} donated 7.50 USD!`]);
    // Said once on every connection of the workspace (rehearsal and in-room here).
    expect(new Set(await said(name))).toEqual(new Set([`Thank you for the 7.50 USD, ${name}!`]));
    expect(await timesPerConnection(name)).toEqual([1, 1]);

    // Donation alerts off: a new payment is recorded, and neither alerted nor thanked.
    await setAlert('donation', false);
    const quiet = `Quiet${randomUUID().slice(0, 6)}`;
    const other = kofiDonation({ kofi_transaction_id: randomUUID(), from_name: quiet });
    expect((await postKofiWebhook(hook, other)).body).toMatchObject({ status: 'recorded' });
    await sleep(500);
    expect(await alertsWith(quiet)).toEqual([]);
    expect(await said(quiet)).toEqual([]);
  });

  it('advances the streak of a viewer a platform lists but who never wrote, once per stream', async () => {
    const { client, workspaceId } = suite.owner;
    expect(
      (
        await client.put(`${ws()}/points/settings`, {
          cyclesEnabled: true,
          presenceMode: 'listed',
          onlyWhileLive: false,
        })
      ).status,
    ).toBe(200);
    const [lurker] = await suite.db.query<{ id: string }>(
      `insert into viewers (workspace_id, platform, platform_user_id, display_name)
       values ($1, 'owncast', $2, 'Lurker') returning id`,
      [workspaceId, `oc-${randomUUID()}`],
    );
    const lurkerId = lurker!.id;
    const listed = jest.spyOn(get(PlatformPresence), 'listedViewerIds').mockResolvedValue([lurkerId]);
    const streak = async () =>
      (await client.get<StreakDto>(`${ws()}/points/viewers/${lurkerId}/streak`)).body;
    try {
      const job = get(PointsCyclesJob);
      // Stream 1.
      await rehearse({ kind: 'stream_online' });
      await until(
        'stream 1 running',
        async () =>
          (
            await suite.db.query(
              `select 1 from points_streams where workspace_id = $1 and ended_at is null`,
              [workspaceId],
            )
          ).length === 1,
      );
      const now = new Date();
      expect(await job.runCycle(workspaceId, now)).toMatchObject({ kind: 'paid' });
      expect(await streak()).toMatchObject({ current: 1, streamsAttended: 1, attendingNow: true });
      // Another cycle of the same stream: still one stream attended.
      expect(await job.runCycle(workspaceId, new Date(now.getTime() + 10 * MINUTE))).toMatchObject({
        kind: 'paid',
      });
      expect(await streak()).toMatchObject({ current: 1, streamsAttended: 1 });

      // Stream 2: listed again, the streak advances.
      await rehearse({ kind: 'stream_offline' });
      await until('stream 1 ended', async () => (await streak()).attendingNow === false);
      await rehearse({ kind: 'stream_online' });
      await until(
        'stream 2 running',
        async () =>
          (
            await suite.db.query(
              `select 1 from points_streams where workspace_id = $1 and ended_at is null`,
              [workspaceId],
            )
          ).length === 1,
      );
      expect(await job.runCycle(workspaceId, new Date(now.getTime() + 20 * MINUTE))).toMatchObject({
        kind: 'paid',
      });
      expect(await streak()).toMatchObject({ current: 2, best: 2, streamsAttended: 2, attendingNow: true });
      expect(listed).toHaveBeenCalled();
    } finally {
      listed.mockRestore();
      await rehearse({ kind: 'stream_offline' });
    }
  });
});
