import type { VoteOption, VoteOptionTallyDto } from '@podium/contracts';

export type VotesVerdict = { ok: true; votes: number } | { ok: false; reason: 'not_multiple' };

/** A redeem of `spent` points buys `spent / pricePerVote` votes; anything but a positive multiple is refused. */
export function votesBought(spent: number, pricePerVote: number): VotesVerdict {
  if (!Number.isInteger(spent) || pricePerVote < 1 || spent < pricePerVote || spent % pricePerVote !== 0) {
    return { ok: false, reason: 'not_multiple' };
  }
  return { ok: true, votes: spent / pricePerVote };
}

const fold = (value: string) => value.trim().toLowerCase();

/**
 * The option a redeem chose: `optionId` (panel) or, from chat (`!<vote> <option>`), the note's
 * first word matched against ids, then the whole note against labels (case-insensitive); a
 * 1-based number also picks the option at that position.
 */
export function resolveVoteOption(
  options: readonly VoteOption[],
  optionId: string | null,
  note: string | null,
): VoteOption | null {
  if (optionId !== null) return options.find((o) => o.id === fold(optionId)) ?? null;
  if (note === null || note.trim() === '') return null;
  const text = fold(note);
  const first = text.split(/\s+/)[0] ?? '';
  const byId = options.find((o) => o.id === first);
  if (byId) return byId;
  const byLabel = options.find((o) => fold(o.label) === text);
  if (byLabel) return byLabel;
  if (/^\d+$/.test(first)) return options[Number(first) - 1] ?? null;
  return null;
}

export interface BallotSum {
  optionId: string;
  votes: number;
  points: number;
}

/**
 * The tally in the config's order, zero for options nobody chose; ballots for options no longer in
 * the config (edited mid-round) are kept at the end under their id, so no vote disappears.
 */
export function tallyVotes(options: readonly VoteOption[], sums: readonly BallotSum[]): VoteOptionTallyDto[] {
  const byId = new Map<string, BallotSum>();
  for (const sum of sums) {
    const known = byId.get(sum.optionId);
    byId.set(sum.optionId, {
      optionId: sum.optionId,
      votes: (known?.votes ?? 0) + sum.votes,
      points: (known?.points ?? 0) + sum.points,
    });
  }
  const tally: VoteOptionTallyDto[] = options.map((option) => ({
    id: option.id,
    label: option.label,
    votes: byId.get(option.id)?.votes ?? 0,
    points: byId.get(option.id)?.points ?? 0,
  }));
  const known = new Set(options.map((o) => o.id));
  for (const sum of byId.values()) {
    if (!known.has(sum.optionId)) tally.push({ id: sum.optionId, label: sum.optionId, ...pick(sum) });
  }
  return tally;
}

function pick(sum: BallotSum): { votes: number; points: number } {
  return { votes: sum.votes, points: sum.points };
}

/** Share of the votes, 0–1 (0 when nobody voted). */
export function voteShare(option: Pick<VoteOptionTallyDto, 'votes'>, totalVotes: number): number {
  return totalVotes > 0 ? option.votes / totalVotes : 0;
}

/** The leading options (several on a tie; none before the first vote). */
export function leadingOptions(tally: readonly VoteOptionTallyDto[]): VoteOptionTallyDto[] {
  const top = Math.max(0, ...tally.map((o) => o.votes));
  return top === 0 ? [] : tally.filter((o) => o.votes === top);
}

export function voteRefusalMessage(
  reason: 'closed' | 'unknown_option' | 'not_multiple',
  voteName: string,
  options: readonly VoteOption[],
  pricePerVote: number,
): string {
  switch (reason) {
    case 'closed':
      return `The vote ${voteName} is closed.`;
    case 'unknown_option':
      return `Choose one of: ${options.map((o) => o.id).join(', ')}.`;
    case 'not_multiple':
      return `A vote in ${voteName} costs ${pricePerVote} points.`;
  }
}
