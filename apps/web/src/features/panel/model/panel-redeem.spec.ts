import type { PanelRewardDto, RedeemResultDto } from '@podium/contracts';
import { buildRedeemRequest, describeResult, emptyDraft } from './panel-redeem';

function reward(overrides: Partial<PanelRewardDto> = {}): PanelRewardDto {
  return {
    id: '6f1c1c1e-6a7b-4b7c-8d9e-0f1a2b3c4d5e',
    name: 'hydrate',
    type: 'list',
    price: 100,
    description: '',
    categories: [],
    requiresNote: false,
    eligibility: 'everyone',
    unavailable: null,
    ...overrides,
  };
}

const requestId = '0d9f8e7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f';

describe('buildRedeemRequest', () => {
  it('sends the reward and the click id only for a plain list reward', () => {
    expect(buildRedeemRequest(reward(), emptyDraft, requestId)).toEqual({
      request: { rewardId: reward().id, requestId },
    });
  });

  it('requires a note for note rewards and rewards that ask for one, trimmed', () => {
    expect(buildRedeemRequest(reward({ type: 'note' }), emptyDraft, requestId)).toEqual({
      error: 'note_required',
    });
    expect(
      buildRedeemRequest(reward({ requiresNote: true }), { ...emptyDraft, note: '   ' }, requestId),
    ).toEqual({ error: 'note_required' });
    expect(
      buildRedeemRequest(reward({ type: 'note' }), { ...emptyDraft, note: '  play Tetris  ' }, requestId),
    ).toEqual({ request: { rewardId: reward().id, requestId, note: 'play Tetris' } });
    expect(buildRedeemRequest(reward(), { ...emptyDraft, note: 'x'.repeat(301) }, requestId)).toEqual({
      error: 'note_too_long',
    });
  });

  it('needs a whole positive amount for a goal contribution', () => {
    const goal = reward({ type: 'goal' });
    expect(buildRedeemRequest(goal, emptyDraft, requestId)).toEqual({ error: 'amount_invalid' });
    expect(buildRedeemRequest(goal, { ...emptyDraft, amount: '0' }, requestId)).toEqual({
      error: 'amount_invalid',
    });
    expect(buildRedeemRequest(goal, { ...emptyDraft, amount: '2.5' }, requestId)).toEqual({
      error: 'amount_invalid',
    });
    expect(buildRedeemRequest(goal, { ...emptyDraft, amount: ' 250 ' }, requestId)).toEqual({
      request: { rewardId: goal.id, requestId, amount: 250 },
    });
  });

  it('needs an option for a vote; the number of votes is optional', () => {
    const vote = reward({ type: 'vote' });
    expect(buildRedeemRequest(vote, emptyDraft, requestId)).toEqual({ error: 'option_required' });
    expect(buildRedeemRequest(vote, { ...emptyDraft, optionId: 'a' }, requestId)).toEqual({
      request: { rewardId: vote.id, requestId, optionId: 'a' },
    });
    expect(buildRedeemRequest(vote, { ...emptyDraft, optionId: 'a', amount: '3' }, requestId)).toEqual({
      request: { rewardId: vote.id, requestId, optionId: 'a', amount: 3 },
    });
  });
});

describe('describeResult', () => {
  it('says queued or done with the reward and the new balance', () => {
    const result = {
      outcome: 'queued',
      balance: 400,
      redemption: { spent: 100, reward: { name: 'hydrate' } },
    } as RedeemResultDto;
    expect(describeResult(result)).toEqual({
      outcome: 'queued',
      values: { reward: 'hydrate', spent: 100, balance: 400 },
      tone: 'success',
    });
  });

  it('names the refusal, with the cooldown left', () => {
    const result: RedeemResultDto = {
      outcome: 'refused',
      reason: 'cooldown',
      cooldownSeconds: 42,
      message: 'on cooldown',
      balance: 10,
    };
    expect(describeResult(result)).toEqual({
      reason: 'cooldown',
      values: { seconds: 42, balance: 10, message: 'on cooldown' },
      tone: 'error',
    });
  });
});
