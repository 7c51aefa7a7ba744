import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
// Relative, not the workspace alias: this runs in a plain Node child (see ts-child.cjs).
import { eventSubTimestamp, signEventSubMessage } from '../../libs/fakes/src/twitch/eventsub-webhook';
import {
  chatterOf,
  type DeliveryRecord,
  type GeneratorMessage,
  type IngestPlan,
  type IngestRun,
} from './webhook-ingest-protocol';

/**
 * The load generator: Twitch posting `channel.chat.message` notifications to one subscription's
 * callback as fast as the api answers them, `window` at a time over keep-alive sockets, signed as
 * Twitch signs them. A share of the messages is posted again with the same id, timestamp and body
 * (Twitch's resend), some while the first post is still in flight, most after its ack.
 */

interface Delivery {
  messageId: string;
  index: number;
  command: boolean;
  resend: boolean;
  timestamp: string;
  body: string;
}

const now = () => performance.timeOrigin + performance.now();

/** A small deterministic generator (mulberry32), so runs with one seed resend the same messages. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chatMessage(plan: IngestPlan, index: number): Delivery {
  const messageId = randomUUID();
  const command = index % 2 === 0;
  const chatter = chatterOf(index);
  const text = command ? plan.commandText : `bench line ${index}: the overlay looks great tonight`;
  const { broadcaster } = plan.target;
  const event = {
    broadcaster_user_id: broadcaster.id,
    broadcaster_user_login: broadcaster.login,
    broadcaster_user_name: broadcaster.displayName,
    source_broadcaster_user_id: null,
    chatter_user_id: chatter.id,
    chatter_user_login: chatter.login,
    chatter_user_name: chatter.displayName,
    message_id: messageId,
    message: { text, fragments: [{ type: 'text', text, cheermote: null, emote: null, mention: null }] },
    color: '#1E90FF',
    badges: [],
    message_type: 'text',
    cheer: null,
    reply: null,
    channel_points_custom_reward_id: null,
  };
  return {
    messageId,
    index,
    command,
    resend: false,
    timestamp: eventSubTimestamp(),
    body: JSON.stringify({ subscription: plan.target.subscription, event }),
  };
}

/** Every delivery in posting order: the messages, with each resend a little after its original. */
export function deliveriesOf(plan: IngestPlan): Delivery[] {
  const next = random(plan.seed);
  const order: Delivery[] = [];
  const resends = new Map<number, Delivery[]>();
  for (let index = 0; index < plan.messages; index += 1) {
    const delivery = chatMessage(plan, index);
    order.push(delivery);
    for (const resend of resends.get(index) ?? []) order.push(resend);
    if (next() < plan.duplicateShare) {
      // Up to 4 windows later: the first window's worth may still be in flight (a racing resend).
      const at = index + 1 + Math.floor(next() * plan.window * 4);
      const copy = { ...delivery, resend: true };
      if (at >= plan.messages) order.push(copy);
      else resends.set(at, [...(resends.get(at) ?? []), copy]);
    }
  }
  return order;
}

function post(agent: Agent, plan: IngestPlan, delivery: Delivery): Promise<DeliveryRecord> {
  const { target } = plan;
  const headers = {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(delivery.body),
    'Twitch-Eventsub-Message-Id': delivery.messageId,
    'Twitch-Eventsub-Message-Retry': delivery.resend ? '1' : '0',
    'Twitch-Eventsub-Message-Type': 'notification',
    'Twitch-Eventsub-Message-Signature': signEventSubMessage(
      target.secret,
      delivery.messageId,
      delivery.timestamp,
      delivery.body,
    ),
    'Twitch-Eventsub-Message-Timestamp': delivery.timestamp,
    'Twitch-Eventsub-Subscription-Type': 'channel.chat.message',
    'Twitch-Eventsub-Subscription-Version': '1',
  };
  return new Promise((resolve, reject) => {
    const sentAt = now();
    const outgoing = request(target.url, { method: 'POST', agent, headers }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({
          messageId: delivery.messageId,
          index: delivery.index,
          command: delivery.command,
          resend: delivery.resend,
          status: response.statusCode ?? 0,
          sentAt,
          ackAt: now(),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(delivery.body);
  });
}

export async function runLoad(plan: IngestPlan): Promise<IngestRun> {
  const deliveries = deliveriesOf(plan);
  const agent = new Agent({ keepAlive: true, maxSockets: plan.window });
  const records: DeliveryRecord[] = [];
  const transportErrors: string[] = [];
  let next = 0;
  const startedAt = now();
  const worker = async () => {
    for (let i = next++; i < deliveries.length; i = next++) {
      const delivery = deliveries[i];
      if (!delivery) break;
      try {
        records.push(await post(agent, plan, delivery));
      } catch (error) {
        transportErrors.push(`${delivery.messageId}: ${String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: plan.window }, worker));
  const endedAt = now();
  agent.destroy();
  return { startedAt, endedAt, deliveries: records, transportErrors };
}

// As a child process: one plan in over IPC, the records out to a file (too big for one IPC message).
if (process.send) {
  const send = (message: GeneratorMessage) => process.send?.(message);
  process.once('message', (plan: IngestPlan) => {
    runLoad(plan)
      .then((run) => {
        writeFileSync(plan.resultsFile, JSON.stringify(run));
        send({ type: 'done', file: plan.resultsFile });
      })
      .catch((error: unknown) => send({ type: 'failed', error: String(error) }))
      .finally(() => process.disconnect());
  });
}
