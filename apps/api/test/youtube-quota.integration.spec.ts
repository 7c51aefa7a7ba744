import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nextPacificMidnight, pacificDayOf } from '@podium/chat';
import type { SendChatMessageResponse } from '@podium/contracts';
import { youtubeTextMessage } from '@podium/fakes';
import { until } from './support/live-harness';
import { YoutubeTestBed } from './support/youtube-test-bed';

const quotaExceeded = JSON.parse(
  readFileSync(join(__dirname, 'fixtures/youtube/error.quotaExceeded.json'), 'utf8'),
) as { response: { status: number; body: unknown } };
const viewer = { channelId: 'UCquotaViewerFixture00001', displayName: 'Tallykeeper' };
const MINUTE = 60_000;

describe('YouTube: the daily quota (PostgreSQL)', () => {
  const beds: YoutubeTestBed[] = [];
  afterAll(() => Promise.all(beds.map((bed) => bed.close())));

  async function liveBed(env: Record<string, string> = {}) {
    const bed = await YoutubeTestBed.start({ env, pollingIntervalMillis: 300 });
    beds.push(bed);
    bed.fake.chats.goLive();
    const { connection } = await bed.connect();
    await until('the first page', () => bed.fake.chatListRequests().length > 0, 10_000);
    return { bed, connection };
  }

  it('quotaExceeded from YouTube: needs attention and waits for the Pacific midnight reset', async () => {
    const { bed, connection } = await liveBed();
    bed.fake.chats.scriptNextList({
      status: quotaExceeded.response.status,
      body: quotaExceeded.response.body,
    });
    await until(
      'needs attention',
      async () => (await bed.connection(connection.id)).status === 'needs_attention',
      10_000,
    );
    const dto = await bed.connection(connection.id);
    expect(dto.statusDetail).toContain('quota is used up');
    const polls = bed.fake.chatListRequests().length;
    const state = await bed.state(connection.id);
    const resumesAt = Date.parse(String(state['nextRunAt']));
    const reset = nextPacificMidnight(new Date()).getTime();
    expect(resumesAt).toBeGreaterThanOrEqual(reset);
    expect(resumesAt).toBeLessThanOrEqual(reset + 2 * MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(bed.fake.chatListRequests()).toHaveLength(polls);

    // The reset came (the stored due time says so): a new api picks the chain up and goes on.
    await bed.stopApp();
    await bed.db.query(
      `update platform_connections set state = state || '{"nextRunAt": null}'::jsonb where id = $1`,
      [connection.id],
    );
    bed.fake.chats.post(youtubeTextMessage(viewer, 'after the reset'));
    await bed.boot();
    await until(
      'polling again',
      async () => (await bed.events()).some((event) => event.text === 'after the reset'),
      10_000,
    );
    await until(
      'connected again',
      async () => (await bed.connection(connection.id)).status === 'connected',
      5_000,
    );
  });

  it('polls slower than YouTube asks when a small budget would not last, and shows the count', async () => {
    const { bed, connection } = await liveBed({ YOUTUBE_DAILY_QUOTA: '100' });
    // 100 units, 10 kept for sending, 7 spent: 16 polls left, spread over the time to the reset
    // or 4 hours, whichever is shorter (near midnight Pacific the pace is faster).
    const untilReset = nextPacificMidnight(new Date()).getTime() - Date.now();
    const pace = Math.min(untilReset, 4 * 60 * MINUTE) / 16;
    const planned = async () =>
      Date.parse(String((await bed.state(connection.id))['nextRunAt'])) - Date.now();
    await until(
      'the next poll to be planned at that pace',
      async () => (await planned()) > pace - 5_000,
      5_000,
    );
    expect(await planned()).toBeGreaterThan(300);
    expect(bed.fake.chatListRequests()).toHaveLength(1);
    await until(
      'the count',
      async () => (await bed.connection(connection.id)).quota?.used === bed.fake.unitsUsed,
      5_000,
    );
    expect((await bed.connection(connection.id)).quota).toMatchObject({ used: 1 + 1 + 5, budget: 100 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(bed.fake.chatListRequests()).toHaveLength(1);
  });

  it('drops a message rather than overspend the budget', async () => {
    const { bed, connection } = await liveBed({ YOUTUBE_DAILY_QUOTA: '100' });
    const day = pacificDayOf(new Date());
    await bed.db.query(
      `update platform_connections set state = state || jsonb_build_object('quota', jsonb_build_object('day', $2::text, 'used', 95)) where id = $1`,
      [connection.id, day],
    );
    const sent = await bed.owner.client.post<SendChatMessageResponse>(`${bed.workspaceUrl}/chat/messages`, {
      text: 'too expensive today',
      connectionIds: [connection.id],
    });
    expect(sent.status).toBe(202);
    await until('the outbox to give up', async () => {
      const [row] = await bed.db.query<{ status: string }>(
        'select status from chat_outbox where connection_id = $1',
        [connection.id],
      );
      return row?.status === 'dropped';
    });
    const [row] = await bed.db.query<{ detail: string }>(
      'select detail from chat_outbox where connection_id = $1',
      [connection.id],
    );
    expect(row!.detail).toContain('quota budget is spent');
    expect(bed.fake.insertedTexts()).toEqual([]);
    expect((await bed.connection(connection.id)).quota).toMatchObject({ used: 95, budget: 100 });
  });
});
