import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { LoadToParent, ParentToLoad, PhaseResult, RedeemPhase } from './redeem-load-protocol';
import { percentiles } from './swarm-protocol';

/**
 * The load generator of the redeem benchmark, in its own process: viewers' panels posting
 * `POST /api/panel/redeem` with their session cookie and a fresh request id per click, over
 * keep-alive connections (one per request in flight). Plain `node:http`, so the generator's own
 * cost per request stays small next to the api's.
 */

interface Answer {
  status: number;
  body: string;
}

function post(agent: Agent, url: URL, cookie: string, payload: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          cookie: `podium_panel=${cookie}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

async function run(phase: RedeemPhase): Promise<PhaseResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: phase.inFlight });
  const url = new URL('/api/panel/redeem', phase.baseUrl);
  const statuses: Record<string, number> = {};
  const outcomes: Record<string, number> = {};
  const networkErrors: Record<string, number> = {};
  const latencies: number[] = [];
  let lowestBalance: number | null = null;
  let next = 0;
  const worker = async () => {
    while (next < phase.total) {
      const i = next++;
      const cookie = phase.sessions[i % phase.sessions.length] ?? '';
      const payload = JSON.stringify({ rewardId: phase.rewardId, requestId: randomUUID() });
      const sentAt = performance.now();
      let answer: Answer;
      try {
        answer = await post(agent, url, cookie, payload);
      } catch (error) {
        bump(networkErrors, (error as Error).message);
        continue;
      }
      bump(statuses, String(answer.status));
      if (answer.status !== 200) continue;
      latencies.push(performance.now() - sentAt);
      const body = JSON.parse(answer.body) as { outcome: string; reason?: string; balance: number };
      bump(outcomes, body.outcome === 'refused' ? `refused:${body.reason ?? '?'}` : body.outcome);
      if (body.outcome !== 'refused') lowestBalance = Math.min(lowestBalance ?? body.balance, body.balance);
    }
  };
  const startedAtEpoch = Date.now();
  await Promise.all(Array.from({ length: Math.min(phase.inFlight, phase.total) }, worker));
  const endedAtEpoch = Date.now();
  agent.destroy();
  return {
    label: phase.label,
    startedAtEpoch,
    endedAtEpoch,
    sent: phase.total,
    statuses,
    outcomes,
    networkErrors,
    latency: percentiles(latencies),
    lowestBalance,
  };
}

function send(message: LoadToParent): void {
  process.send?.(message);
}

process.on('message', (message: ParentToLoad) => {
  if (message.type === 'exit') {
    process.exit(0);
  }
  run(message.phase).then(
    (result) => send({ type: 'done', result }),
    (error: unknown) => send({ type: 'failed', error: String(error) }),
  );
});
send({ type: 'ready' });
