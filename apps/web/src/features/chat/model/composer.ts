import { CHAT_SEND_MAX_LENGTH, type SendChatMessageRequest } from '@podium/contracts';

/** "All connections" sends without `connectionIds`: the server then uses every one, even new ones. */
export type TargetMode = 'all' | 'chosen';

export type ComposerProblem = 'empty' | 'tooLong' | 'noTarget';

/** The request for what the composer holds, or why it cannot be sent yet. */
export function composeRequest(
  text: string,
  mode: TargetMode,
  chosen: ReadonlySet<string>,
): { request: SendChatMessageRequest } | { problem: ComposerProblem } {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: 'empty' };
  if (trimmed.length > CHAT_SEND_MAX_LENGTH) return { problem: 'tooLong' };
  if (mode === 'all') return { request: { text: trimmed } };
  if (chosen.size === 0) return { problem: 'noTarget' };
  return { request: { text: trimmed, connectionIds: [...chosen].sort() } };
}

/** Chosen connections that no longer exist (disconnected meanwhile) are left out. */
export function keepExisting(chosen: ReadonlySet<string>, connectionIds: readonly string[]): Set<string> {
  return new Set(connectionIds.filter((id) => chosen.has(id)));
}
