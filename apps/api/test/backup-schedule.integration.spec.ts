import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  BackupFileDto,
  BackupsDto,
  BackupScheduleDto,
  WorkspaceExportDocument,
} from '@podium/contracts';
import { TransactionRunner } from '../src/database/transaction';
import { BACKUP_TABLES, EXCLUDED_TABLES } from '../src/modules/backup/backup-tables';
import { BackupRepository } from '../src/modules/backup/backup.repository';
import { BackupScheduleJob } from '../src/modules/backup/backup-schedule.job';
import type { HttpClient } from './support/http-client';
import { useTestSuite } from './support/test-suite';

/** Scheduled backups on disk, and the table catalogue the export is built from. */
describe('scheduled backups and backup tables (PostgreSQL)', () => {
  jest.setTimeout(90_000);
  const suite = useTestSuite();
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const client = (): HttpClient => suite.owner.client;

  it('writes scheduled backups into DATA_DIR/backups/<workspace>/ and keeps the last N', async () => {
    const job = suite.app.podium.app.get(BackupScheduleJob);
    const set = await client().put<BackupScheduleDto>(`${ws()}/backups/schedule`, {
      enabled: true,
      intervalHours: 1,
      keep: 2,
    });
    expect(set.body).toMatchObject({ enabled: true, intervalHours: 1, keep: 2 });
    const start = Date.parse('2030-01-01T00:00:00Z');
    const hours = (n: number) => new Date(start + n * 3_600_000);
    expect(await job.sweep(hours(0))).toBe(1);
    expect(await job.sweep(hours(0.5))).toBe(0); // not due yet
    expect(await job.sweep(hours(1))).toBe(1);
    expect(await job.sweep(hours(2))).toBe(1);
    const dir = join(suite.app.dataDir, 'backups', suite.owner.workspaceId);
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([
      '2030-01-01T01-00-00-000Z.json',
      '2030-01-01T02-00-00-000Z.json',
    ]);
    const listed = await client().get<BackupsDto>(`${ws()}/backups`);
    expect(listed.body.files.map((f) => f.name)).toEqual([
      '2030-01-01T02-00-00-000Z.json',
      '2030-01-01T01-00-00-000Z.json',
    ]);
    expect(listed.body.schedule).toMatchObject({ lastBackupAt: hours(2).toISOString(), lastError: null });
    const file = await client().get<WorkspaceExportDocument>(`${ws()}/backups/2030-01-01T02-00-00-000Z.json`);
    expect(file.status).toBe(200);
    expect(file.body.workspace.id).toBe(suite.owner.workspaceId);
    expect((await client().get(`${ws()}/backups/..%2F..%2Fsecrets.json`)).status).toBe(404);
    const now = await client().post<BackupFileDto>(`${ws()}/backups`);
    expect(now.status).toBe(201);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('lists every workspace table as exported or deliberately excluded', async () => {
    const repository = suite.app.podium.app.get(BackupRepository);
    const tables = await repository.workspaceScopedTables(suite.app.podium.app.get(TransactionRunner).none);
    const known = new Set([...BACKUP_TABLES.map((t) => t.name), ...Object.keys(EXCLUDED_TABLES)]);
    expect(tables.filter((t) => !known.has(t))).toEqual([]);
    // Parents come before children (the import inserts in this order), except deferred columns.
    const order = BACKUP_TABLES.map((t) => t.name);
    const references = await suite.db.query<{ child: string; parent: string; columns: string[] }>(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
              array_agg(a.attname::text) AS columns
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
       WHERE c.contype = 'f' GROUP BY 1, 2, c.oid`,
    );
    const misordered = references.filter(({ child, parent, columns }) => {
      const table = BACKUP_TABLES.find((t) => t.name === child);
      if (!table || !order.includes(parent) || parent === child) return false;
      if (columns.every((column) => table.deferred?.includes(column))) return false;
      return order.indexOf(parent) > order.indexOf(child);
    });
    expect(misordered).toEqual([]);
    // Every exported table that names a workspace's parent outside the export is excluded on purpose.
    const dangling = references.filter(
      ({ child, parent }) =>
        order.includes(child) && !order.includes(parent) && !['workspaces', 'users'].includes(parent),
    );
    expect(dangling).toEqual([]);
  });
});
