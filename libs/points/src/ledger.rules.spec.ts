import { adjustmentOf, debitApplies, isLedgerAmount, ledgerSum } from './ledger.rules';

describe('ledger rules', () => {
  it('accepts only positive whole amounts', () => {
    expect(isLedgerAmount(1)).toBe(true);
    expect(isLedgerAmount(0)).toBe(false);
    expect(isLedgerAmount(-5)).toBe(false);
    expect(isLedgerAmount(2.5)).toBe(false);
    expect(isLedgerAmount(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
  });

  it('applies a debit only when the balance covers it', () => {
    expect(debitApplies(100, 100)).toBe(true);
    expect(debitApplies(99, 100)).toBe(false);
    expect(debitApplies(100, 0)).toBe(false);
  });

  it('splits a signed adjustment into credit or debit', () => {
    expect(adjustmentOf(25)).toEqual({ op: 'credit', amount: 25 });
    expect(adjustmentOf(-25)).toEqual({ op: 'debit', amount: 25 });
    expect(() => adjustmentOf(0)).toThrow(RangeError);
  });

  it('sums signed amounts', () => {
    expect(ledgerSum([500, -100, -100, 10])).toBe(310);
    expect(ledgerSum([])).toBe(0);
  });
});
