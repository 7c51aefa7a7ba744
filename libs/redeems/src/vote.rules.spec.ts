import { VoteConfigSchema } from '@podium/contracts';
import { leadingOptions, resolveVoteOption, tallyVotes, voteShare, votesBought } from './vote.rules';

const options = [
  { id: 'pizza', label: 'Pizza' },
  { id: 'sushi', label: 'Sushi rolls' },
  { id: 'tacos', label: 'Tacos' },
];

describe('votesBought', () => {
  it('buys spent / price votes for positive multiples only', () => {
    expect(votesBought(30, 10)).toEqual({ ok: true, votes: 3 });
    expect(votesBought(10, 10)).toEqual({ ok: true, votes: 1 });
    expect(votesBought(25, 10)).toEqual({ ok: false, reason: 'not_multiple' });
    expect(votesBought(5, 10)).toEqual({ ok: false, reason: 'not_multiple' });
    expect(votesBought(0, 10)).toEqual({ ok: false, reason: 'not_multiple' });
  });
});

describe('resolveVoteOption', () => {
  it('takes the optionId first', () => {
    expect(resolveVoteOption(options, 'sushi', 'pizza')?.id).toBe('sushi');
    expect(resolveVoteOption(options, 'nope', null)).toBeNull();
  });

  it('reads chat notes: id as first word, whole label, or a 1-based number', () => {
    expect(resolveVoteOption(options, null, 'TACOS please')?.id).toBe('tacos');
    expect(resolveVoteOption(options, null, 'sushi rolls')?.id).toBe('sushi');
    expect(resolveVoteOption(options, null, '1')?.id).toBe('pizza');
    expect(resolveVoteOption(options, null, '4')).toBeNull();
    expect(resolveVoteOption(options, null, 'burgers')).toBeNull();
    expect(resolveVoteOption(options, null, null)).toBeNull();
  });
});

describe('tallyVotes', () => {
  it('keeps the config order, zeros for unchosen, sums duplicates, keeps removed options last', () => {
    const tally = tallyVotes(options, [
      { optionId: 'tacos', votes: 2, points: 20 },
      { optionId: 'pizza', votes: 1, points: 10 },
      { optionId: 'tacos', votes: 1, points: 10 },
      { optionId: 'gone', votes: 4, points: 40 },
    ]);
    expect(tally).toEqual([
      { id: 'pizza', label: 'Pizza', votes: 1, points: 10 },
      { id: 'sushi', label: 'Sushi rolls', votes: 0, points: 0 },
      { id: 'tacos', label: 'Tacos', votes: 3, points: 30 },
      { id: 'gone', label: 'gone', votes: 4, points: 40 },
    ]);
    expect(leadingOptions(tally).map((o) => o.id)).toEqual(['gone']);
    expect(voteShare(tally[2]!, 8)).toBe(3 / 8);
  });

  it('has no leader before the first vote, several on a tie', () => {
    expect(leadingOptions(tallyVotes(options, []))).toEqual([]);
    const tie = tallyVotes(options, [
      { optionId: 'pizza', votes: 2, points: 2 },
      { optionId: 'sushi', votes: 2, points: 2 },
    ]);
    expect(leadingOptions(tie).map((o) => o.id)).toEqual(['pizza', 'sushi']);
    expect(voteShare(tie[0]!, 0)).toBe(0);
  });
});

describe('VoteConfigSchema', () => {
  it('needs 2+ options with unique slug ids and a price of at least 1', () => {
    expect(VoteConfigSchema.safeParse({ options: [options[0]], pricePerVote: 1 }).success).toBe(false);
    expect(
      VoteConfigSchema.safeParse({ options: [options[0], { id: 'pizza', label: 'x' }], pricePerVote: 1 })
        .success,
    ).toBe(false);
    expect(
      VoteConfigSchema.safeParse({ options: [options[0], { id: 'Big One', label: 'x' }], pricePerVote: 1 })
        .success,
    ).toBe(false);
    expect(VoteConfigSchema.safeParse({ options, pricePerVote: 0 }).success).toBe(false);
    expect(VoteConfigSchema.safeParse({ options, pricePerVote: 5 }).success).toBe(true);
  });
});
