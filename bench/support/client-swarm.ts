import { performance } from 'node:perf_hooks';
import type { AnswerInput, MeetingResultsPayload, QuestionResultsDto } from '@podium/contracts';
import { joinMeeting } from '../../apps/api/test/support/factories';
import { emitAck, eventually, LiveClient, okData } from '../../apps/api/test/support/live';
import type { TestSocket } from '../../apps/api/test/support/sockets';
import {
  type BurstKind,
  type BurstResult,
  type JoinTimes,
  type ParentToSwarm,
  percentiles,
  type ResyncTimes,
  type SwarmPlan,
  type SwarmToParent,
} from './swarm-protocol';

/**
 * The client side of the load benchmark, in its own process: one organizer dashboard and N attendee
 * phones as real Socket.IO clients. Driven by the parent over IPC (see swarm-protocol.ts).
 */

/** Lower-case ASCII words (normalization keeps them as they are), fewer than the cloud's top 100. */
const VOCABULARY = Array.from({ length: 40 }, (_, i) => `word${i.toString().padStart(2, '0')}`);

type AnswerRequest = { questionId: string; answer: AnswerInput };
type AckOutcome =
  { kind: 'ok'; ms: number; at: number } | { kind: 'error'; code: string } | { kind: 'timeout' };

let plan: SwarmPlan;
let organizer: LiveClient;
let attendees: LiveClient[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const epochOf = (monotonic: number) => performance.timeOrigin + monotonic;

function send(message: SwarmToParent): void {
  process.send?.(message);
}

async function connect(): Promise<void> {
  const started = performance.now();
  organizer = (
    await LiveClient.open(plan.baseUrl, plan.meetingId, { cookie: plan.organizerCookie }, 'bench-dashboard')
  ).client;
  attendees = new Array<LiveClient>(plan.attendees);
  const httpMs = new Array<number>(plan.attendees);
  const socketMs = new Array<number>(plan.attendees);
  let next = 0;
  const worker = async () => {
    while (next < plan.attendees) {
      const i = next++;
      const t0 = performance.now();
      const joined = await joinMeeting(plan.baseUrl, plan.joinCode, `Load ${i}`);
      const t1 = performance.now();
      const { client } = await LiveClient.open(plan.baseUrl, plan.meetingId, {
        attendeeToken: joined.attendeeToken,
      });
      attendees[i] = client;
      httpMs[i] = t1 - t0;
      socketMs[i] = performance.now() - t1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(plan.joinConcurrency, plan.attendees) }, worker));
  const connectMs = performance.now() - started;
  // Presence is counted at most once a second: wait for it to settle on everyone.
  const present = await eventually(
    () => lastPresence(),
    (value) => value === plan.attendees,
    10_000,
  ).catch(() => lastPresence());
  const joins: JoinTimes = { http: tenths(httpMs), socket: tenths(socketMs) };
  send({ type: 'connected', connectMs, present, joins });
}

/** Mean of the first and of the last tenth, in join order. */
function tenths(values: readonly number[]): { firstTenthMs: number; lastTenthMs: number } {
  const size = Math.max(1, Math.floor(values.length / 10));
  const mean = (part: readonly number[]) => part.reduce((sum, v) => sum + v, 0) / part.length;
  return { firstTenthMs: mean(values.slice(0, size)), lastTenthMs: mean(values.slice(-size)) };
}

function lastPresence(): number {
  for (let i = organizer.events.length - 1; i >= 0; i -= 1) {
    const event = organizer.events[i];
    if (event?.event === 'meeting.presence') return (event.payload as { present: number }).present;
  }
  return 0;
}

async function runBurst(kind: BurstKind): Promise<BurstResult> {
  switch (kind) {
    case 'poll':
      okData(await organizer.command(plan.meetingId, 'start'));
      await openQuestion(plan.pollId);
      return burst(
        plan.pollId,
        plan.attendees,
        (results) => (results.type === 'poll' ? results.answered : 0),
        async (socket, i) => [
          await answer(socket, {
            questionId: plan.pollId,
            answer: { type: 'poll', choiceIds: [plan.choiceIds[i % plan.choiceIds.length] ?? ''] },
          }),
        ],
      );
    case 'words':
      okData(await organizer.command(plan.meetingId, 'close'));
      await openQuestion(plan.wordCloudId);
      return burst(
        plan.wordCloudId,
        plan.attendees * plan.wordsPerAttendee,
        (results) => (results.type === 'wordcloud' ? results.words.reduce((sum, w) => sum + w.count, 0) : 0),
        async (socket, i) => {
          // One word after the other, as a phone sends them; distinct per attendee (7k mod 40).
          const outcomes: AckOutcome[] = [];
          for (let k = 0; k < plan.wordsPerAttendee; k += 1) {
            const word = VOCABULARY[(i + 7 * k) % VOCABULARY.length] ?? '';
            outcomes.push(
              await answer(socket, { questionId: plan.wordCloudId, answer: { type: 'wordcloud', word } }),
            );
          }
          return outcomes;
        },
      );
  }
}

/** `next`, then waits until every phone shows the question and its opening results push is over. */
async function openQuestion(questionId: string): Promise<void> {
  okData(await organizer.command(plan.meetingId, 'next'));
  const everyoneSees = () =>
    [organizer, ...attendees].every(
      (c) => c.state?.phase === 'question_open' && c.state.question?.id === questionId,
    );
  await eventually(everyoneSees, Boolean, 15_000);
  await eventually(() => organizer.results?.questionId === questionId, Boolean, 5_000);
  await sleep(plan.tickMs * 3);
}

/**
 * Every attendee starts `run` at the same moment; measures until the organizer's results count
 * `expected` answers (by `counted`) and every ack is back, then two more ticks for a trailing push.
 */
async function burst(
  questionId: string,
  expected: number,
  counted: (results: QuestionResultsDto) => number,
  run: (socket: TestSocket, index: number) => Promise<AckOutcome[]>,
): Promise<BurstResult> {
  const organizerBefore = organizer.resultPushes;
  const attendeesBefore = attendees.map((a) => a.resultPushes);
  const timeline: { atMs: number; counted: number }[] = [];
  let doneAt: number | null = null;
  const started = performance.now();
  const onResults = (payload: MeetingResultsPayload) => {
    if (payload.results.questionId !== questionId) return;
    const now = performance.now();
    const count = counted(payload.results);
    timeline.push({ atMs: Math.round(now - started), counted: count });
    if (doneAt === null && count === expected) doneAt = now;
  };
  organizer.socket.on('meeting.results', onResults);
  const outcomes = (await Promise.all(attendees.map((a, i) => run(a.socket, i)))).flat();
  await eventually(
    () => doneAt,
    (at) => at !== null,
    plan.burstTimeoutMs,
  ).catch(() => null);
  const endedAt = Math.max(doneAt ?? 0, ...outcomes.map((o) => (o.kind === 'ok' ? o.at : 0)));
  await sleep(plan.tickMs * 2);
  organizer.socket.off('meeting.results', onResults);

  const okMs: number[] = [];
  const ackErrors: Record<string, number> = {};
  let lastAck = started;
  let ackTimeouts = 0;
  for (const outcome of outcomes) {
    switch (outcome.kind) {
      case 'ok':
        okMs.push(outcome.ms);
        lastAck = Math.max(lastAck, outcome.at);
        break;
      case 'error':
        ackErrors[outcome.code] = (ackErrors[outcome.code] ?? 0) + 1;
        break;
      case 'timeout':
        ackTimeouts += 1;
        break;
    }
  }
  const attendeePushes = attendees.map((a, i) => a.resultPushes - (attendeesBefore[i] ?? 0));
  const finishedAt: number | null = doneAt;
  return {
    startedAtEpoch: epochOf(started),
    endedAtEpoch: epochOf(Math.max(endedAt, started)),
    answersSent: outcomes.length,
    acksOk: okMs.length,
    ackErrors,
    ackTimeouts,
    wallMs: finishedAt === null ? null : finishedAt - started,
    lastAckMs: lastAck - started,
    ackMs: percentiles(okMs),
    organizerPushes: organizer.resultPushes - organizerBefore,
    attendeePushes: {
      first: attendeePushes[0] ?? 0,
      mean: attendeePushes.reduce((sum, n) => sum + n, 0) / Math.max(1, attendeePushes.length),
      max: Math.max(0, ...attendeePushes),
    },
    organizerTimeline: timeline,
  };
}

async function answer(socket: TestSocket, request: AnswerRequest): Promise<AckOutcome> {
  const sentAt = performance.now();
  try {
    const ack = await emitAck(socket, 'answer.submit', request, plan.ackTimeoutMs);
    const at = performance.now();
    return ack.ok ? { kind: 'ok', ms: at - sentAt, at } : { kind: 'error', code: ack.error.code };
  } catch {
    return { kind: 'timeout' };
  }
}

const RESYNC_SAMPLES = 5;

/** Sequential re-joins of one attendee and the dashboard, in a quiet room: the snapshot's own cost. */
async function resync(): Promise<ResyncTimes> {
  const median = async (socket: TestSocket) => {
    const times: number[] = [];
    for (let i = 0; i < RESYNC_SAMPLES; i += 1) {
      const sentAt = performance.now();
      okData(await emitAck(socket, 'meeting.join', { meetingId: plan.meetingId }));
      times.push(performance.now() - sentAt);
    }
    return percentiles(times)?.p50 ?? 0;
  };
  const first = attendees[0];
  return {
    attendeeMs: first ? await median(first.socket) : 0,
    organizerMs: await median(organizer.socket),
  };
}

async function disconnect(): Promise<void> {
  for (const client of [organizer, ...attendees]) client?.close();
  // Let the close frames go out before the process ends.
  await sleep(500);
  process.send?.({ type: 'disconnected' } satisfies SwarmToParent, () => process.exit(0));
}

function fail(error: unknown): void {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}

process.on('message', (message: ParentToSwarm) => {
  switch (message.type) {
    case 'plan':
      plan = message.plan;
      connect().catch(fail);
      return;
    case 'burst':
      runBurst(message.kind).then((result) => send({ type: 'burst', result }), fail);
      return;
    case 'resync':
      resync().then((times) => send({ type: 'resync', times }), fail);
      return;
    case 'disconnect':
      disconnect().catch(fail);
      return;
  }
});
