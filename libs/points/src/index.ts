/** Points rules: earning cycles, action points, streaks, the ledger's invariants. */
export {};
export * from './action-points.rules';
export * from './cycles.rules';
export * from './ledger.rules';
export * from './streak.rules';
export * from './reports';
