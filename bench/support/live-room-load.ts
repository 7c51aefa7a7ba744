import { request } from 'node:http';
import WebSocket from 'ws';
import {
  epochNow,
  type JoinReport,
  type LoaderPlan,
  type LoaderToParent,
  type ParentToLoader,
  type ScoresPlan,
  type ScoresReport,
  type VotePlan,
  type VoteReport,
} from './live-room-protocol';

/**
 * A load generator of the live-room benchmark, in its own process: thousands of attendee phones.
 * Each speaks the Socket.IO wire protocol (Engine.IO 4 over a plain WebSocket) itself, reading only
 * what the benchmark needs from each frame: a full socket.io-client per phone costs several times
 * the CPU, and this process shares the machine with the api it measures.
 */

const ACK_TIMEOUT_MS = 30_000;
const RESULTS_PUSH = '42["meeting.results"';
const STATE_PUSH = '42["meeting.state"';
const SCORE_PUSH = '42["attendee.score"';
const ANSWERED = /"answered":(\d+)/;
/** A state push with the final results riding along (attendees' `meeting.state` after a close). */
const CARRIED_RESULTS = '"results":{';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Phone {
  questionOpen = false;
  answered = -1;
  /** When this phone first saw results counting `finalTotal`. */
  finalAt: number | null = null;
  finalTotal = Number.POSITIVE_INFINITY;
  /** Epoch ms of every `attendee.score` push this phone received. */
  readonly scoredAt: number[] = [];
  /** Epoch ms of every push carrying results (a `meeting.results`, or a state with them). */
  readonly resultsAt: number[] = [];
  private readonly acks = new Map<number, (frame: string) => void>();
  private nextAckId = 1;

  private constructor(private readonly ws: WebSocket) {}

  /** Connects with the attendee token and resolves once the server let the socket in. */
  static open(baseUrl: string, attendeeToken: string): Promise<Phone> {
    const url = new URL('/socket.io/?EIO=4&transport=websocket', baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const phone = new Phone(ws);
    return new Promise((resolve, reject) => {
      ws.on('error', reject);
      ws.on('close', () => reject(new Error('closed before connecting')));
      ws.on('message', (data: Buffer) => {
        const frame = data.toString();
        if (frame.startsWith('40')) resolve(phone);
        else if (frame.startsWith('44')) reject(new Error(`refused: ${frame}`));
        else if (frame.startsWith('0')) ws.send(`40${JSON.stringify({ attendeeToken })}`);
        phone.receive(frame);
      });
    });
  }

  /** Emits `event` with an ack; resolves with the ack's frame (after `43<id>`). */
  emit(event: string, payload: unknown): Promise<string> {
    const id = this.nextAckId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(id);
        reject(new Error(`no ack for ${event}`));
      }, ACK_TIMEOUT_MS);
      this.acks.set(id, (frame) => {
        clearTimeout(timer);
        resolve(frame);
      });
      this.ws.send(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  close(): void {
    this.ws.close();
  }

  private receive(frame: string): void {
    if (frame === '2') {
      this.ws.send('3'); // Engine.IO ping → pong
    } else if (frame.startsWith(RESULTS_PUSH)) {
      const answered = Number(ANSWERED.exec(frame)?.[1] ?? -1);
      this.answered = answered;
      this.resultsAt.push(epochNow());
      if (answered >= this.finalTotal && this.finalAt === null) this.finalAt = epochNow();
    } else if (frame.startsWith(SCORE_PUSH)) {
      this.scoredAt.push(epochNow());
    } else if (frame.startsWith(STATE_PUSH)) {
      this.questionOpen = frame.includes('"phase":"question_open"');
      if (frame.includes(CARRIED_RESULTS)) this.resultsAt.push(epochNow());
    } else if (frame.startsWith('43')) {
      const open = frame.indexOf('[');
      const id = Number(frame.slice(2, open));
      const settle = this.acks.get(id);
      this.acks.delete(id);
      settle?.(frame.slice(open));
    }
  }
}

let phones: Phone[] = [];

/**
 * POST /api/join on a connection of its own, closed after the answer, as each phone is its own
 * client. Keep-alive connections shared by the load generator's join workers held about 64 open
 * files in the api, and one process may open 20,000 on this machine: the room's last phone found
 * none left for its socket.
 */
function postJoin(url: URL, body: unknown): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function send(message: LoaderToParent): void {
  process.send?.(message);
}

async function joinAll(plan: LoaderPlan): Promise<JoinReport> {
  const startedAtEpoch = epochNow();
  let next = plan.from;
  let failed = 0;
  let firstError: string | null = null;
  const worker = async () => {
    while (next < plan.to) {
      const i = next++;
      const url = plan.urls[i % plan.urls.length] ?? '';
      try {
        const response = await postJoin(new URL('/api/join', url), {
          code: plan.joinCode,
          nickname: `Load ${i}`,
        });
        if (response.status !== 201) throw new Error(`join ${response.status}: ${response.body}`);
        const { attendeeToken } = JSON.parse(response.body) as { attendeeToken: string };
        const phone = await Phone.open(url, attendeeToken);
        const ack = await phone.emit('meeting.join', { meetingId: plan.meetingId });
        if (!ack.startsWith('[{"ok":true')) throw new Error(`meeting.join refused: ${ack.slice(0, 200)}`);
        phones.push(phone);
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(plan.joinConcurrency, plan.to - plan.from) }, worker));
  return { joined: phones.length, failed, firstError, startedAtEpoch, endedAtEpoch: epochNow() };
}

/** Waits for the question on every phone, votes at the paced rate, then waits for the final results. */
async function vote(plan: VotePlan): Promise<VoteReport> {
  const openDeadline = Date.now() + 30_000;
  while (phones.some((p) => !p.questionOpen) && Date.now() < openDeadline) await sleep(20);
  const sawQuestionOpen = phones.filter((p) => p.questionOpen).length;
  for (const phone of phones) {
    phone.finalTotal = plan.expectedTotal;
    phone.finalAt = null;
  }

  const sentAtEpoch: number[] = [];
  const ackedAtEpoch: (number | null)[] = [];
  const refused: Record<string, number> = {};
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  let sent = 0;
  while (sent < phones.length) {
    // Catch up to the schedule: vote k is due at k / rate seconds after the start.
    const due = Math.min(
      phones.length,
      Math.floor(((performance.now() - start) * plan.votesPerSecond) / 1000) + 1,
    );
    for (; sent < due; sent += 1) {
      const k = sent;
      const phone = phones[k];
      if (!phone) continue;
      const choiceId = plan.choiceIds[k % plan.choiceIds.length] ?? '';
      sentAtEpoch[k] = epochNow();
      ackedAtEpoch[k] = null;
      inFlight.push(
        phone
          .emit('answer.submit', {
            questionId: plan.questionId,
            answer: { type: plan.answerType, choiceIds: [choiceId] },
          })
          .then(
            (ack) => {
              if (ack.startsWith('[{"ok":true')) ackedAtEpoch[k] = epochNow();
              else {
                const code = /"code":"([^"]+)"/.exec(ack)?.[1] ?? 'unknown';
                refused[code] = (refused[code] ?? 0) + 1;
              }
            },
            () => {
              refused['timeout'] = (refused['timeout'] ?? 0) + 1;
            },
          ),
      );
    }
    await sleep(2);
  }
  await Promise.all(inFlight);

  const finalDeadline = Date.now() + plan.finalTimeoutMs;
  while (phones.some((p) => p.finalAt === null) && Date.now() < finalDeadline) await sleep(20);
  const finals = phones.map((p) => p.finalAt).filter((at): at is number => at !== null);
  return {
    sentAtEpoch,
    ackedAtEpoch,
    refused,
    sawQuestionOpen,
    sawFinal: finals.length,
    lastFinalAtEpoch: finals.length > 0 ? finals.reduce((a, b) => Math.max(a, b)) : null,
  };
}

/**
 * Waits until every phone has had its score pushed since the quiz closed (or the timeout). The
 * quiz's results are hidden from phones while it is open, so any results since the close are final.
 */
async function scores(plan: ScoresPlan): Promise<ScoresReport> {
  const since = (phone: Phone) => phone.scoredAt.filter((at) => at >= plan.sinceEpoch);
  const revealedAt = (phone: Phone) => phone.resultsAt.find((at) => at >= plan.sinceEpoch);
  const deadline = Date.now() + plan.timeoutMs;
  while (phones.some((p) => since(p).length === 0) && Date.now() < deadline) await sleep(20);
  await sleep(1_000); // two scoreboard ticks: a second push to the same phone would show in `pushes`
  const firsts = phones.map((p) => since(p)[0]).filter((at): at is number => at !== undefined);
  const reveals = phones.map(revealedAt).filter((at): at is number => at !== undefined);
  return {
    revealed: reveals.length,
    lastRevealedAtEpoch: reveals.length > 0 ? reveals.reduce((a, b) => Math.max(a, b)) : null,
    scored: firsts.length,
    lastScoredAtEpoch: firsts.length > 0 ? firsts.reduce((a, b) => Math.max(a, b)) : null,
    pushes: phones.reduce((n, p) => n + since(p).length, 0),
  };
}

async function closeAll(): Promise<void> {
  for (const phone of phones) phone.close();
  phones = [];
  await sleep(500); // let the close frames go out
}

function fail(error: unknown): void {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}

process.on('message', (message: ParentToLoader) => {
  switch (message.type) {
    case 'join':
      joinAll(message.plan).then((report) => send({ type: 'joined', report }), fail);
      return;
    case 'vote':
      vote(message.plan).then((report) => send({ type: 'voted', report }), fail);
      return;
    case 'scores':
      scores(message.plan).then((report) => send({ type: 'scored', report }), fail);
      return;
    case 'close':
      closeAll().then(
        () => process.send?.({ type: 'closed' } satisfies LoaderToParent, () => process.exit(0)),
        fail,
      );
      return;
  }
});
