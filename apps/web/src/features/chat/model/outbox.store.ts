import type { OutboxMessageDto, OutboxStatus } from '@podium/contracts';
import { createStore } from 'zustand';

/** The last messages sent from this workspace that the composer shows with their fate. */
export const OUTBOX_KEPT = 30;

/** A push may overtake the POST's answer (or another push): a message never goes back a step. */
const STEP: Record<OutboxStatus, number> = { pending: 0, sending: 1, sent: 2, dropped: 2, failed: 2 };

export function isFinal(status: OutboxStatus): boolean {
  return STEP[status] === 2;
}

/** Newest first, one entry per id, the most advanced version of each, at most OUTBOX_KEPT. */
export function mergeOutbox(
  kept: readonly OutboxMessageDto[],
  incoming: readonly OutboxMessageDto[],
): OutboxMessageDto[] {
  const byId = new Map(kept.map((message) => [message.id, message]));
  for (const message of incoming) {
    const before = byId.get(message.id);
    if (!before || STEP[message.status] >= STEP[before.status]) byId.set(message.id, message);
  }
  return [...byId.values()]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    .slice(0, OUTBOX_KEPT);
}

export interface OutboxState {
  messages: OutboxMessageDto[];
  /** The POST's `queued` list, or one `chat.outbox` push. */
  upsert: (messages: readonly OutboxMessageDto[]) => void;
}

export function createOutboxStore() {
  return createStore<OutboxState>()((set) => ({
    messages: [],
    upsert: (incoming) => set((state) => ({ messages: mergeOutbox(state.messages, incoming) })),
  }));
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
