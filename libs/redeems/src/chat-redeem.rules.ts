import type { RedeemResultDto, RewardEligibility } from '@podium/contracts';
import { eligibilityLabel } from './eligibility.rules';

/** `!redeem <reward> [note]` → the reward's name (lower case) and the rest; null without a name. */
export function parseRedeemArgs(args: string): { rewardName: string; rest: string } | null {
  const match = /^(\S+)(?:\s+([\s\S]*))?$/u.exec(args.trim());
  if (!match?.[1]) return null;
  return { rewardName: match[1].toLowerCase(), rest: (match[2] ?? '').trim() };
}

/**
 * The rest of a chat redeem line as the reward type reads it: goals take the amount first
 * (`!mic 250 go go`), votes the option then an optional number of votes (`!poll pizza 3`), other
 * types a note.
 */
export function parseRedeemRest(
  type: string,
  rest: string,
): { note?: string; amount?: number; optionId?: string } {
  const words = rest.split(/\s+/u).filter(Boolean);
  if (type === 'goal') {
    const amount = words[0] && /^\d+$/u.test(words[0]) ? Number(words[0]) : undefined;
    const note = (amount === undefined ? words : words.slice(1)).join(' ');
    return { ...(amount !== undefined ? { amount } : {}), ...(note ? { note } : {}) };
  }
  if (type === 'vote') {
    const optionId = words[0]?.toLowerCase();
    const amount = words[1] && /^\d+$/u.test(words[1]) ? Number(words[1]) : undefined;
    return { ...(optionId ? { optionId } : {}), ...(amount !== undefined ? { amount } : {}) };
  }
  return rest ? { note: rest } : {};
}

/** The chat reply to a redeem: what happened, in one line. */
export function redeemReply(
  result: RedeemResultDto,
  context: {
    user: string;
    rewardName: string;
    currency: string;
    price?: number;
    eligibility?: RewardEligibility;
  },
): string {
  const { user, rewardName, currency } = context;
  if (result.outcome !== 'refused') {
    const spent = `${result.redemption.spent} ${currency}`;
    return result.outcome === 'done'
      ? `@${user} redeemed ${rewardName} for ${spent} (${result.balance} left).`
      : `@${user} redeemed ${rewardName} for ${spent}: it is in the queue (${result.balance} left).`;
  }
  switch (result.reason) {
    case 'insufficient':
      return context.price !== undefined
        ? `@${user} not enough ${currency} for ${rewardName}: it costs ${context.price}, you have ${result.balance}.`
        : `@${user} not enough ${currency} for ${rewardName}: you have ${result.balance}.`;
    case 'cooldown':
      return `@${user} ${rewardName} is on cooldown: ${result.cooldownSeconds ?? 1}s left.`;
    case 'inactive':
      return `@${user} ${rewardName} is not available right now.`;
    case 'limit':
      return `@${user} ${rewardName} has reached its limit for this stream.`;
    case 'not_eligible':
      return `@${user} ${rewardName} is for ${context.eligibility ? eligibilityLabel(context.eligibility).replace(/ only$/u, '') : 'some viewers'} only.`;
    case 'note_required':
      return `@${user} ${rewardName} needs a message: !${rewardName} <your message>.`;
    case 'passive':
      return `@${user} redeems are paused right now.`;
    case 'invalid':
      return `@${user} ${result.message}`;
  }
}

/** `!rewards`: the active rewards in one line (cut to fit a chat message). */
export function rewardsLine(
  rewards: readonly { name: string; price: number; type: string }[],
  prefix: string,
  currency: string,
  maxLength = 450,
): string {
  if (rewards.length === 0) return 'No rewards are available right now.';
  let line = `Rewards (${currency}):`;
  for (const [index, reward] of rewards.entries()) {
    const item = `${index === 0 ? ' ' : ', '}${prefix}${reward.name} ${reward.type === 'goal' ? '<amount>' : reward.price}`;
    if (line.length + item.length > maxLength) return `${line}, …`;
    line += item;
  }
  return line;
}
