/** Points rules: earning cycles, action points, streaks, the ledger's invariants. */
export {};
