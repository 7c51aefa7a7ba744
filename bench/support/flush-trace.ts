import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LiveResultsService } from '../../apps/api/src/modules/meetings/live/live-results.service';

/** One read of the results tick: when it started, what the connection pool looked like, how long it took. */
export interface FlushRead {
  startedAtEpoch: number;
  /** Queries already waiting for a pooled connection when the read asked for one. */
  waiting: number;
  /** Pooled connections checked out at that moment. */
  busy: number;
  tookMs: number;
}

interface PgPool {
  waitingCount: number;
  totalCount: number;
  idleCount: number;
}

/**
 * Wraps the api's LiveResultsService.current (what each results tick reads) to record when it ran
 * and how busy the database pool was. Instrumentation for the benchmark only: it changes no
 * behaviour, and it is typed against the real class so a rename breaks the bench's typecheck.
 */
export function traceResultsReads(app: INestApplication): { reads: FlushRead[]; stop(): void } {
  const service = app.get(LiveResultsService);
  const pool = (app.get(DataSource).driver as unknown as { master: PgPool }).master;
  const original = service.current;
  const reads: FlushRead[] = [];
  service.current = async (meetingId: string) => {
    const startedAtEpoch = Date.now();
    const waiting = pool.waitingCount;
    const busy = pool.totalCount - pool.idleCount;
    const started = performance.now();
    try {
      return await original.call(service, meetingId);
    } finally {
      reads.push({ startedAtEpoch, waiting, busy, tookMs: performance.now() - started });
    }
  };
  return {
    reads,
    stop: () => {
      service.current = original;
    },
  };
}
