import { randomUUID } from 'node:crypto';
import type {
  ActionPointsSettingsDto,
  ChatEvent,
  PointsSettingsDto,
  RehearsalEventRequest,
  RehearsalInjectionDto,
  StreakDto,
} from '@podium/contracts';
import { DomainEvents } from '../src/common/events/domain-events';
import { ActionPointsService } from '../src/modules/points/actions/action-points.service';
import { MeetingPointsService } from '../src/modules/points/actions/meeting-points.service';
import { newMeeting, newQuestion, newQuestionInput } from './support/factories';
import { choiceIdsOf, ok, until } from './support/live-harness';
import { useTestSuite } from './support/test-suite';

interface LedgerRow {
  amount: number;
  reason: string;
  source_key: string | null;
  note: string | null;
}

const SETTINGS: ActionPointsSettingsDto = {
  follow: 50,
  subscriptionTier1: 100,
  subscriptionTier2: 200,
  subscriptionTier3: 500,
  perGiftedSub: 30,
  per100Bits: 10,
  perRaidViewer: 2,
  perMoneyUnit: 100,
  streakBonuses: [
    { length: 2, points: 20 },
    { length: 3, points: 70 },
  ],
};

/** Action points, streaks and meeting points, through the rehearsal platform and a live meeting. */
describe('action points, streaks and meeting points (PostgreSQL + Redis)', () => {
  const suite = useTestSuite({ redis: true });
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;

  /** Injects a rehearsal event and waits until every handler has run on it. */
  const inject = async (body: RehearsalEventRequest): Promise<ChatEvent> => {
    const sent = await suite.owner.client.post<RehearsalInjectionDto>(`${ws()}/rehearsal/events`, body);
    expect(sent.status).toBe(201);
    const event = sent.body.events[0]!;
    await until(
      `${body.kind} handled`,
      async () => {
        const [row] = await suite.db.query<{ processed_at: Date | null; last_error: string | null }>(
          'select processed_at, last_error from chat_events where id = $1',
          [event.id],
        );
        if (row?.last_error) throw new Error(`handler failed: ${row.last_error}`);
        return row?.processed_at !== null && row?.processed_at !== undefined;
      },
      10_000,
    );
    return event;
  };
  const ledger = (viewerId: string, reason?: string) =>
    suite.db.query<LedgerRow>(
      `select amount::int as amount, reason, source_key, note from points_ledger
        where viewer_id = $1 and ($2::text is null or reason = $2) order by seq`,
      [viewerId, reason ?? null],
    );
  const balance = async (viewerId: string) =>
    (
      await suite.db.query<{ balance: number }>(
        'select coalesce(sum(balance), 0)::int as balance from points_balances where viewer_id = $1',
        [viewerId],
      )
    )[0]!.balance;
  const streak = async (viewerId: string) => {
    const result = await suite.owner.client.get<StreakDto>(`${ws()}/points/viewers/${viewerId}/streak`);
    expect(result.status).toBe(200);
    return result.body;
  };
  const online = () => inject({ kind: 'stream_online', eventId: randomUUID() });
  const offline = () => inject({ kind: 'stream_offline', eventId: randomUUID() });
  const say = (displayName: string, text = 'hi') =>
    inject({ kind: 'message', viewer: { displayName }, text, eventId: randomUUID() });

  it('saves the action settings, refusing bad ones with the field at fault', async () => {
    const defaults = await suite.owner.client.get<ActionPointsSettingsDto>(`${ws()}/points/action-settings`);
    expect(defaults.status).toBe(200);
    expect(defaults.body.follow).toBeGreaterThan(0);

    const saved = await suite.owner.client.put<ActionPointsSettingsDto>(
      `${ws()}/points/action-settings`,
      SETTINGS,
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual(SETTINGS);
    const partial = await suite.owner.client.put<ActionPointsSettingsDto>(`${ws()}/points/action-settings`, {
      follow: 50,
    });
    expect(partial.body).toEqual(SETTINGS);
    expect((await suite.owner.client.get(`${ws()}/points/action-settings`)).body).toEqual(SETTINGS);

    const negative = await suite.owner.client.put(`${ws()}/points/action-settings`, { follow: -1 });
    expect(negative.status).toBe(400);
    const twice = await suite.owner.client.put(`${ws()}/points/action-settings`, {
      streakBonuses: [
        { length: 3, points: 1 },
        { length: 3, points: 2 },
      ],
    });
    expect(twice.status).toBe(400);
    expect((await suite.owner.client.get(`${ws()}/points/action-settings`)).body).toEqual(SETTINGS);
  });

  it('credits a follow, a tier-2 sub, a 5-gift, 250 bits, a 30-viewer raid and a donation', async () => {
    const follow = await inject({ kind: 'follow', viewer: { displayName: 'Follower' } });
    const sub = await inject({
      kind: 'subscription',
      viewer: { displayName: 'Subscriber' },
      amounts: { tier: '2000', months: 1 },
    });
    const gift = await inject({ kind: 'gift', viewer: { displayName: 'Gifter' }, amounts: { giftCount: 5 } });
    const cheer = await inject({ kind: 'cheer', viewer: { displayName: 'Cheerer' }, amounts: { bits: 250 } });
    const raid = await inject({
      kind: 'raid',
      viewer: { displayName: 'Raider' },
      amounts: { raidViewers: 30 },
    });
    const donation = await inject({
      kind: 'donation',
      viewer: { displayName: 'Donor' },
      amounts: { money: { amount: '5.49', currency: 'EUR' } },
    });

    const expected: [ChatEvent, string, number][] = [
      [follow, 'follow', 50],
      [sub, 'subscription', 200],
      [gift, 'gift', 150],
      [cheer, 'cheer', 25],
      [raid, 'raid', 60],
      [donation, 'donation', 549],
    ];
    for (const [event, reason, amount] of expected) {
      expect(await ledger(event.viewerId!)).toEqual([
        expect.objectContaining({ amount, reason, source_key: `event:${event.id}:${reason}` }),
      ]);
      expect(await balance(event.viewerId!)).toBe(amount);
    }
    expect((await ledger(cheer.viewerId!))[0]!.note).toBe('250 bits');
  });

  it('credits an event once however often it is delivered or retried', async () => {
    const eventId = randomUUID();
    const first = await inject({
      kind: 'cheer',
      viewer: { displayName: 'Twice' },
      amounts: { bits: 1000 },
      eventId,
    });
    // The platform redelivers: the pipeline records nothing new.
    const resent = await suite.owner.client.post<RehearsalInjectionDto>(`${ws()}/rehearsal/events`, {
      kind: 'cheer',
      viewer: { displayName: 'Twice' },
      amounts: { bits: 1000 },
      eventId,
    });
    expect(resent.body.events).toHaveLength(0);
    // The pipeline retries the event's handlers (another handler failed the first time).
    await suite.app.podium.app.get(DomainEvents).dispatch('viewer.cheered', { event: first });
    await suite.app.podium.app.get(ActionPointsService).credit(first, 'cheer');
    expect(await ledger(first.viewerId!)).toEqual([
      expect.objectContaining({ amount: 100, reason: 'cheer' }),
    ]);
    expect(await balance(first.viewerId!)).toBe(100);
  });

  it('pays nothing for an action set to 0', async () => {
    await suite.owner.client.put(`${ws()}/points/action-settings`, { follow: 0 });
    try {
      const follow = await inject({ kind: 'follow', viewer: { displayName: 'Unpaid Fan' } });
      expect(await ledger(follow.viewerId!)).toEqual([]);
    } finally {
      await suite.owner.client.put(`${ws()}/points/action-settings`, { follow: SETTINGS.follow });
    }
  });

  it('counts consecutive streams and pays each streak bonus once, at its length', async () => {
    // Stream 1: Regular and Sometimes. Chatting twice in one stream counts once.
    await online();
    const regular = (await say('Regular')).viewerId!;
    await say('Regular', 'again');
    const sometimes = (await say('Sometimes')).viewerId!;
    expect(await streak(regular)).toMatchObject({
      current: 1,
      best: 1,
      streamsAttended: 1,
      attendingNow: true,
    });
    await offline();
    // Between streams nobody attends anything.
    await say('Regular', 'offline chat');
    expect(await ledger(regular, 'streak')).toEqual([]);

    // Stream 2: only Regular → a 2-stream streak pays 20. (Sometimes's other identity is there.)
    await online();
    await say('Regular');
    const alt = (await say('Sometimes Alt')).viewerId!;
    await say('Regular', 'more');
    await offline();
    expect(await ledger(regular, 'streak')).toEqual([expect.objectContaining({ amount: 20 })]);

    // Stream 3: both; Regular reaches 3 (70), Sometimes starts over at 1 (no bonus).
    await online();
    const third = await say('Regular');
    await say('Sometimes');
    expect(await streak(regular)).toMatchObject({ current: 3, best: 3, streamsAttended: 3, nextBonus: null });
    expect(await streak(sometimes)).toMatchObject({
      current: 1,
      best: 1,
      streamsAttended: 2,
      nextBonus: { length: 2, points: 20 },
    });
    // A retried message of the same stream pays nothing more.
    await suite.app.podium.app.get(DomainEvents).dispatch('chat.messageReceived', { event: third });
    await offline();
    const bonuses = await ledger(regular, 'streak');
    expect(bonuses.map((row) => row.amount)).toEqual([20, 70]);
    expect(new Set(bonuses.map((row) => row.source_key)).size).toBe(2);
    expect(await ledger(sometimes, 'streak')).toEqual([]);

    // Stream 4 goes by without Regular: the streak is broken, the best is kept.
    await online();
    expect((await streak(regular)).current).toBe(3); // still alive while stream 4 runs
    await say('Sometimes');
    await offline();
    expect(await streak(regular)).toMatchObject({ current: 0, best: 3, attendingNow: false });
    expect(await streak(sometimes)).toMatchObject({ current: 2, best: 2 });
    expect(await ledger(sometimes, 'streak')).toEqual([expect.objectContaining({ amount: 20 })]);

    // Linking Sometimes's other identity pools their streams: 1, 2, 3 and 4 in a row.
    const merged = await suite.owner.client.post(`${ws()}/viewers/merge`, {
      sourceViewerId: alt,
      targetViewerId: sometimes,
    });
    expect(merged.status).toBe(200);
    await until('the streaks pooled', async () => (await streak(sometimes)).current === 4);
    expect(await streak(alt)).toMatchObject({ viewerId: sometimes, current: 4, best: 4, streamsAttended: 4 });
  });

  it('converts meeting points of chat participants once, when the meeting ends', async () => {
    const rate = await suite.owner.client.put<PointsSettingsDto>(`${ws()}/points/settings`, {
      meetingPointsRate: 10,
    });
    expect(rate.status).toBe(200);
    const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId, { kind: 'both' });
    const quiz = await newQuestion(
      suite.owner.client,
      meeting,
      newQuestionInput('quiz', {
        title: '2 + 2?',
        choices: [
          { label: '4', correct: true },
          { label: '5', correct: false },
        ],
        scoring: 'standard',
      }),
    );
    const [four] = choiceIdsOf(quiz);
    const org = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-points');
    const roomie = await suite.live.attendee(meeting, 'Roomie');
    let state = ok(await suite.live.command(org.socket, meeting.id, 'start', org.snapshot.state.version));
    state = ok(await suite.live.command(org.socket, meeting.id, 'next', state.version));
    expect(state.phase).toBe('question_open');

    const quizzer = (await say('Quizzer', '1')).viewerId!; // first and right: 2 quiz points
    const wrong = (await say('Wrong Answer', '2')).viewerId!;
    ok(await suite.live.answer(roomie.socket, quiz.id, { type: 'quiz', choiceIds: [four!] }));
    expect(await suite.live.answerRows(quiz.id)).toHaveLength(3);
    state = ok(await suite.live.command(org.socket, meeting.id, 'close', state.version));
    expect(await ledger(quizzer, 'meeting')).toEqual([]); // not before the end

    state = ok(await suite.live.command(org.socket, meeting.id, 'end', state.version));
    expect(state.phase).toBe('after');
    await until('the meeting converted', async () => (await ledger(quizzer, 'meeting')).length > 0);
    expect(await ledger(quizzer, 'meeting')).toEqual([
      expect.objectContaining({ amount: 20, source_key: `meeting:${meeting.id}:${quizzer}` }),
    ]);
    expect(await ledger(wrong, 'meeting')).toEqual([]);
    // The in-room attendee has no viewer: nothing was credited for their 1 point.
    const meetingEntries = await suite.db.query<{ n: number }>(
      `select count(*)::int as n from points_ledger where reason = 'meeting'`,
    );
    expect(meetingEntries[0]!.n).toBe(1);

    // Converting again (the overdue job, a replayed end) pays nothing more.
    const meetings = suite.app.podium.app.get(MeetingPointsService);
    expect(await meetings.convert(meeting.id)).toBe(0);
    await suite.db.query(`update points_meeting_conversions set converted_at = null where meeting_id = $1`, [
      meeting.id,
    ]);
    expect(await meetings.convert(meeting.id)).toBe(0);
    expect(await ledger(quizzer, 'meeting')).toHaveLength(1);
    expect(await balance(quizzer)).toBe(20);
  });
});
