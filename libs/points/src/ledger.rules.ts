/** The ledger's invariants, as pure checks (the database enforces them too). */

/** A ledger amount is a positive safe integer; the direction is the operation (credit or debit). */
export function isLedgerAmount(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount > 0;
}

/** A debit applies only when the balance covers it: a balance never goes below zero. */
export function debitApplies(balance: number, amount: number): boolean {
  return isLedgerAmount(amount) && balance >= amount;
}

/** A signed manual adjustment split into the ledger operation and its positive amount. */
export function adjustmentOf(signed: number): { op: 'credit' | 'debit'; amount: number } {
  if (!Number.isSafeInteger(signed) || signed === 0)
    throw new RangeError('an adjustment is a non-zero integer');
  return signed > 0 ? { op: 'credit', amount: signed } : { op: 'debit', amount: -signed };
}

/** Sum of signed ledger amounts: equals the balance for a ledger that was never edited. */
export function ledgerSum(amounts: readonly number[]): number {
  return amounts.reduce((sum, amount) => sum + amount, 0);
}
