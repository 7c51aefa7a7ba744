/** Reward rules: types, eligibility, cooldowns and limits, categories, the queue, goals, votes. */
export {};
