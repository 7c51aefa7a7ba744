/** Reward rules: types, eligibility, cooldowns and limits, categories, the queue, goals, votes. */
export * from './goal.rules';
export * from './special.rules';
export * from './vote.rules';
export * from './eligibility.rules';
export * from './limits.rules';
export * from './categories.rules';
export * from './queue.rules';
export * from './tlapbot-import.rules';
export * from './chat-redeem.rules';
