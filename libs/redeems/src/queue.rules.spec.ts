import { REDEMPTION_STATUSES } from '@podium/contracts';
import { canTransition, initialStatus, nextStatus } from './queue.rules';

describe('queue transitions', () => {
  it('moves a pending redemption to each decided status', () => {
    expect(nextStatus('pending', 'fulfil')).toBe('fulfilled');
    expect(nextStatus('pending', 'refund')).toBe('refunded');
    expect(nextStatus('pending', 'reject')).toBe('rejected');
  });

  it('never moves a decided redemption again', () => {
    for (const status of ['fulfilled', 'refunded', 'rejected'] as const) {
      for (const decision of ['fulfil', 'refund', 'reject'] as const) {
        expect(nextStatus(status, decision)).toBeNull();
      }
    }
  });

  it('allows only pending → decided', () => {
    const allowed = REDEMPTION_STATUSES.flatMap((from) =>
      REDEMPTION_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}>${to}`),
    );
    expect(allowed).toEqual(['pending>fulfilled', 'pending>refunded', 'pending>rejected']);
  });
});

describe('initialStatus', () => {
  it('queues list and note redeems unless the reward auto-fulfils', () => {
    expect(initialStatus({ queue: true }, false)).toBe('pending');
    expect(initialStatus({ queue: true }, true)).toBe('fulfilled');
  });
  it('fulfils at once what does not queue, or what the handler fulfils', () => {
    expect(initialStatus({ queue: false }, false)).toBe('fulfilled');
    expect(initialStatus({ queue: true, autoFulfil: true }, false)).toBe('fulfilled');
  });
});
