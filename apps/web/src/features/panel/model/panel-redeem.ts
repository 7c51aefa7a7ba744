import {
  type PanelRewardDto,
  REWARD_LIMITS,
  type RedeemRefusal,
  type RedeemRequest,
  type RedeemResultDto,
} from '@podium/contracts';

/** What the viewer filled in for one reward. */
export interface RedeemDraft {
  note: string;
  /** goal: points to give; vote: number of votes. Text as typed. */
  amount: string;
  optionId: string;
}

export const emptyDraft: RedeemDraft = { note: '', amount: '', optionId: '' };

export type RedeemDraftError = 'note_required' | 'note_too_long' | 'amount_invalid' | 'option_required';

export function needsNote(reward: Pick<PanelRewardDto, 'type' | 'requiresNote'>): boolean {
  return reward.type === 'note' || reward.requiresNote;
}

/**
 * The request for a draft, or the field at fault. `requestId` is chosen by the caller once per
 * click, so a double click (or a retried request) redeems once.
 */
export function buildRedeemRequest(
  reward: Pick<PanelRewardDto, 'id' | 'type' | 'requiresNote' | 'vote'>,
  draft: RedeemDraft,
  requestId: string,
): { request: RedeemRequest } | { error: RedeemDraftError } {
  const note = draft.note.trim();
  if (needsNote(reward) && note === '') return { error: 'note_required' };
  if (note.length > REWARD_LIMITS.noteMax) return { error: 'note_too_long' };
  const request: RedeemRequest = { rewardId: reward.id, requestId };
  if (note !== '') request.note = note;
  if (reward.type === 'goal' || reward.type === 'vote') {
    const text = draft.amount.trim();
    if (text !== '' || reward.type === 'goal') {
      if (!/^\d{1,9}$/.test(text) || Number(text) < 1) return { error: 'amount_invalid' };
      request.amount = Number(text);
    }
  }
  if (reward.type === 'vote') {
    if (!draft.optionId) return { error: 'option_required' };
    request.optionId = draft.optionId;
  }
  return { request };
}

/** What a redeem did, ready for `panel.result.<outcome>` or `panel.result.refused.<reason>`. */
export type DescribedResult =
  | {
      tone: 'success';
      outcome: 'done' | 'queued';
      values: { reward: string; spent: number; balance: number };
    }
  | {
      tone: 'error';
      reason: RedeemRefusal;
      values: { seconds: number; balance: number; message: string };
    };

export function describeResult(result: RedeemResultDto): DescribedResult {
  if (result.outcome === 'refused') {
    return {
      tone: 'error',
      reason: result.reason,
      values: { seconds: result.cooldownSeconds ?? 0, balance: result.balance, message: result.message },
    };
  }
  return {
    tone: 'success',
    outcome: result.outcome,
    values: {
      reward: result.redemption.reward.name,
      spent: result.redemption.spent,
      balance: result.balance,
    },
  };
}
