import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type {
  ApiErrorDto,
  BackupFileDto,
  BackupsDto,
  BackupScheduleDto,
  CreatedApiTokenDto,
  FlagDto,
  ImportResultDto,
  MediaDto,
  RedeemResultDto,
  RewardDto,
  WorkspaceExportDocument,
} from '@podium/contracts';
import { runCli } from '../src/cli/podium-cli';
import { TransactionRunner } from '../src/database/transaction';
import { BACKUP_TABLES, EXCLUDED_TABLES } from '../src/modules/backup/backup-tables';
import { BackupRepository } from '../src/modules/backup/backup.repository';
import { BackupScheduleJob } from '../src/modules/backup/backup-schedule.job';
import { PointsLedger } from '../src/modules/points/points-ledger';
import { newOwner, newQuestionInput } from './support/factories';
import type { HttpClient } from './support/http-client';
import { choiceIdsOf, ok } from './support/live-harness';
import { startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';
import { useTestSuite } from './support/test-suite';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function postFile<T>(
  baseUrl: string,
  path: string,
  cookie: string | undefined,
  bytes: Buffer,
  name: string,
  type: string,
): Promise<{ status: number; body: T }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: cookie ? { cookie } : {},
    body: form,
  });
  return { status: response.status, body: (await response.json()) as T };
}

const importFile = (baseUrl: string, path: string, cookie: string | undefined, document: unknown) =>
  postFile<ImportResultDto & ApiErrorDto>(
    baseUrl,
    path,
    cookie,
    Buffer.from(JSON.stringify(document)),
    'export.json',
    'application/json',
  );

/** User ids differ between databases: rows name users, the document maps them to e-mails. */
function comparable(document: WorkspaceExportDocument): Omit<WorkspaceExportDocument, 'exportedAt'> {
  const emails = new Map(document.members.map((m) => [m.userId, m.email]));
  const tables: WorkspaceExportDocument['tables'] = {};
  for (const table of BACKUP_TABLES) {
    const rows = document.tables[table.name];
    if (!rows) continue;
    tables[table.name] = rows.map((row) => {
      const copy = { ...row };
      for (const column of table.userColumns ?? []) {
        const user = copy[column];
        if (typeof user === 'string') copy[column] = `user:${emails.get(user) ?? 'not a member'}`;
      }
      return copy;
    });
  }
  const { exportedAt: _ignored, ...rest } = document;
  return {
    ...rest,
    members: document.members.map((m) => ({ ...m, userId: `user:${m.email}` })),
    tables,
  };
}

/** A rich workspace through the real services, exported, imported elsewhere, exported again. */
describe('workspace export / import and backups (PostgreSQL)', () => {
  jest.setTimeout(90_000);
  const suite = useTestSuite();
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const client = (): HttpClient => suite.owner.client;
  let other: { db: TestDatabase; app: TestApp } | undefined;

  beforeAll(async () => {
    const db = await TestDatabase.create();
    other = { db, app: await startTestApp({ databaseUrl: db.url }) };
  });
  afterAll(async () => {
    await other?.app.close();
    await other?.db.drop();
  });

  async function newViewer(name: string): Promise<string> {
    const [row] = await suite.db.query<{ id: string }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, login, display_name, roles)
       VALUES ($1, 'twitch', $2, $3, $3, ARRAY['subscriber']) RETURNING id`,
      [suite.owner.workspaceId, randomUUID(), name],
    );
    return row!.id;
  }

  async function buildRichWorkspace(): Promise<{ mediaId: string; viewers: string[] }> {
    // A meeting run live: a poll and a quiz answered by two attendees, a flag, the meeting on question 2.
    const { meeting, questions } = await suite.meetingWith(
      newQuestionInput('poll'),
      newQuestionInput('quiz'),
    );
    const flag = await client().post<FlagDto>(`${ws()}/flags`, {
      name: 'Booth',
      code: 'BOOTH-1',
      points: 50,
    });
    expect(flag.status).toBe(201);
    const organizer = await suite.live.organizer(client().cookie, meeting.id, randomUUID());
    const ada = await suite.live.attendee(meeting, 'Ada');
    const bob = await suite.live.attendee(meeting, 'Bob');
    ok(await suite.live.command(organizer.socket, meeting.id, 'start'));
    ok(await suite.live.command(organizer.socket, meeting.id, 'next'));
    const [poll, quiz] = questions as [(typeof questions)[0], (typeof questions)[0]];
    ok(await suite.live.answer(ada.socket, poll.id, { type: 'poll', choiceIds: [choiceIdsOf(poll)[0]!] }));
    ok(await suite.live.answer(bob.socket, poll.id, { type: 'poll', choiceIds: [choiceIdsOf(poll)[1]!] }));
    ok(await suite.live.command(organizer.socket, meeting.id, 'close'));
    ok(await suite.live.command(organizer.socket, meeting.id, 'next'));
    ok(await suite.live.answer(ada.socket, quiz.id, { type: 'quiz', choiceIds: [choiceIdsOf(quiz)[0]!] }));
    expect(await suite.live.answerRows(quiz.id)).toHaveLength(1);

    // Bots: a command, an announcement (disabled: no timer touches it while the test compares), a revolution, media.
    const bots = `${ws()}/bots`;
    expect(
      (await client().post(`${bots}/commands`, { name: 'discord', responses: ['Join us'] })).status,
    ).toBe(201);
    const announcement = await client().post(`${bots}/announcements`, {
      name: 'Follow',
      messages: ['Follow us', 'Hydrate'],
      intervalMinutes: 15,
      liveOnly: true,
      enabled: false,
    });
    expect(announcement.status).toBe(201);
    const revolution = await client().post(`${bots}/revolutions`, {
      name: 'Hype',
      trigger: '!hype',
      threshold: 10,
      windowSeconds: 60,
      cooldownSeconds: 300,
      message: 'Hype x{count}!',
    });
    expect(revolution.status).toBe(201);
    const media = await postFile<MediaDto>(
      suite.app.baseUrl,
      `${ws()}/media`,
      client().cookie,
      PNG,
      'dot.png',
      'image/png',
    );
    expect(media.status).toBe(201);

    // Economy: viewers (one merged into another), ledger credits, rewards in a category, a redemption.
    const viewers = [await newViewer('grace'), await newViewer('linus'), await newViewer('grace_alt')];
    const merged = await client().post(`${ws()}/viewers/merge`, {
      sourceViewerId: viewers[2],
      targetViewerId: viewers[0],
    });
    expect(merged.status).toBeLessThan(300);
    const ledger = suite.app.podium.app.get(PointsLedger);
    for (const [viewerId, amount] of [
      [viewers[0]!, 500],
      [viewers[1]!, 120],
      [viewers[0]!, 30],
    ] as const) {
      await ledger.run((tx) =>
        ledger.credit(tx, {
          workspaceId: suite.owner.workspaceId,
          viewerId,
          amount,
          reason: 'adjust',
          note: 'gift',
        }),
      );
    }
    const reward = await client().post<RewardDto>(`${ws()}/rewards`, {
      name: 'hydrate',
      type: 'list',
      price: 100,
      categories: ['chill'],
    });
    expect(reward.status).toBe(201);
    const redeemed = await client().post<RedeemResultDto>(`${ws()}/redeems`, {
      viewerId: viewers[0],
      rewardId: reward.body.id,
      requestId: randomUUID(),
    });
    expect(redeemed.status).toBeLessThan(300);
    const schedule = await client().put<BackupScheduleDto>(`${ws()}/backups/schedule`, { keep: 5 });
    expect(schedule.status).toBe(200);
    return { mediaId: media.body.id, viewers };
  }

  it('round-trips a rich workspace into a fresh database exactly, field by field', async () => {
    const { mediaId, viewers } = await buildRichWorkspace();
    const first = await client().get<WorkspaceExportDocument>(`${ws()}/export`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toMatch(/^attachment; filename="podium-.*\.json"$/u);
    const doc = first.body;
    expect(doc).toMatchObject({ format: 'podium.workspace-export', version: 1, includesKofi: true });
    expect(doc.workspace.id).toBe(suite.owner.workspaceId);
    expect(doc.members).toEqual([
      expect.objectContaining({ email: suite.owner.request.email, role: 'owner' }),
    ]);
    // The document really holds what was built, with ids and every column.
    const count = (table: string) => doc.tables[table]?.length ?? 0;
    expect(count('meetings')).toBe(1);
    expect(count('meeting_questions')).toBe(2);
    expect(count('attendees')).toBe(2);
    expect(count('answers')).toBe(3);
    expect(count('flags')).toBe(1);
    expect(count('bot_commands')).toBe(1);
    expect(count('bot_announcements')).toBe(1);
    expect(count('bot_revolutions')).toBe(1);
    expect(count('viewers')).toBe(3);
    expect(count('rewards')).toBe(1);
    expect(count('reward_categories')).toBe(1);
    expect(count('redemptions')).toBe(1);
    expect(count('points_ledger')).toBe(4); // three credits and the spend
    expect(doc.tables['viewers']!.find((v) => v['id'] === viewers[2])!['merged_into_id']).toBe(viewers[0]);
    expect(doc.tables['meetings']![0]!['current_question_id']).toBe(
      doc.tables['meeting_questions']![1]!['id'],
    );
    const media = doc.tables['media']!.find((m) => m['id'] === mediaId)!;
    expect(Buffer.from(String(media['data']), 'base64').equals(PNG)).toBe(true);
    expect(doc.tables['points_balances']!.find((b) => b['viewer_id'] === viewers[0])!['balance']).toBe(430);
    for (const excluded of Object.keys(EXCLUDED_TABLES)) expect(doc.tables[excluded]).toBeUndefined();

    // A fresh database, whose owner has the same e-mail: import as a new workspace keeps every id.
    const target = other!;
    const owner2 = await newOwner(target.app.baseUrl, {
      email: suite.owner.request.email,
      displayName: suite.owner.request.displayName,
    });
    const imported = await importFile(
      target.app.baseUrl,
      '/api/workspaces/import',
      owner2.client.cookie,
      doc,
    );
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      workspaceId: doc.workspace.id,
      idsKept: true,
      name: doc.workspace.name,
    });
    expect(imported.body.rows['answers']).toBe(3);
    expect(imported.body.members).toEqual([
      { email: suite.owner.request.email, role: 'owner', status: 'importer' },
    ]);

    const second = await owner2.client.get<WorkspaceExportDocument>(
      `/api/workspaces/${doc.workspace.id}/export`,
    );
    expect(second.status).toBe(200);
    const a = comparable(doc);
    const b = comparable(second.body);
    expect(Object.keys(b.tables)).toEqual(Object.keys(a.tables));
    for (const table of Object.keys(a.tables)) {
      const rowsA = a.tables[table]!;
      const rowsB = b.tables[table]!;
      expect({ table, rows: rowsB.length }).toEqual({ table, rows: rowsA.length });
      rowsA.forEach((row, index) =>
        expect({ table, index, row: rowsB[index] }).toEqual({ table, index, row }),
      );
    }
    expect(b).toEqual(a);

    // The imported workspace works: the ledger's identity continues above the imported rows.
    const [balance] = await target.db.query<{ balance: string }>(
      `SELECT balance FROM points_balances WHERE viewer_id = $1`,
      [viewers[0]],
    );
    expect(Number(balance!.balance)).toBe(430);
    const ledger = target.app.podium.app.get(PointsLedger);
    await ledger.run((tx) =>
      ledger.credit(tx, {
        workspaceId: doc.workspace.id,
        viewerId: viewers[1]!,
        amount: 5,
        reason: 'adjust',
      }),
    );
    const seqs = await target.db.query<{ seq: string }>(
      `SELECT seq FROM points_ledger WHERE workspace_id = $1 ORDER BY seq`,
      [doc.workspace.id],
    );
    expect(seqs).toHaveLength(5);
    expect(new Set(seqs.map((s) => s.seq)).size).toBe(5);
  });

  it('refuses a non-empty workspace (409) and a bad document (400); a copy in the same database gets new ids', async () => {
    const doc = (await client().get<WorkspaceExportDocument>(`${ws()}/export`)).body;
    const busy = await importFile(suite.app.baseUrl, `${ws()}/import`, client().cookie, doc);
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('backup.workspace_not_empty');
    const bad = await importFile(suite.app.baseUrl, '/api/workspaces/import', client().cookie, {
      format: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('backup.document_invalid');
    const notJson = await postFile<ApiErrorDto>(
      suite.app.baseUrl,
      '/api/workspaces/import',
      client().cookie,
      Buffer.from('{nope'),
      'x.json',
      'application/json',
    );
    expect(notJson.status).toBe(400);

    // A second, empty workspace of the owner takes the export as a copy: fresh ids, fresh join codes.
    const created = await client().post<{ id: string }>('/api/workspaces', { name: 'Copy' });
    expect(created.status).toBe(201);
    const copy = await importFile(
      suite.app.baseUrl,
      `/api/workspaces/${created.body.id}/import`,
      client().cookie,
      doc,
    );
    expect({ status: copy.status, body: copy.body }).toMatchObject({ status: 201 });
    expect(copy.body).toMatchObject({ workspaceId: created.body.id, idsKept: false });
    const copied = (await client().get<WorkspaceExportDocument>(`/api/workspaces/${created.body.id}/export`))
      .body;
    expect(copied.tables['answers']).toHaveLength(doc.tables['answers']!.length);
    expect(copied.tables['points_ledger']).toHaveLength(doc.tables['points_ledger']!.length);
    const originalIds = new Set(doc.tables['viewers']!.map((v) => v['id']));
    expect(copied.tables['viewers']!.some((v) => originalIds.has(v['id']))).toBe(false);
    // References follow the new ids: the merge and the meeting's current question still point inside the copy.
    const copiedViewerIds = new Set(copied.tables['viewers']!.map((v) => v['id']));
    const mergedCopy = copied.tables['viewers']!.find((v) => v['merged_into_id'] !== null)!;
    expect(copiedViewerIds.has(mergedCopy['merged_into_id'])).toBe(true);
    expect(copied.tables['meetings']![0]!['join_code']).not.toBe(doc.tables['meetings']![0]!['join_code']);
    expect(copied.tables['meeting_questions']!.map((q) => q['id'])).toContain(
      copied.tables['meetings']![0]!['current_question_id'],
    );
    // Importing again into the now non-empty copy is refused, and nothing changed.
    const again = await importFile(
      suite.app.baseUrl,
      `/api/workspaces/${created.body.id}/import`,
      client().cookie,
      doc,
    );
    expect(again.status).toBe(409);
  });

  it('exports through v1 with an export:read token only, without Ko-fi data', async () => {
    const token = async (scopes: string[]) => {
      const created = await client().post<CreatedApiTokenDto>(`${ws()}/api-tokens`, {
        name: 'backup',
        scopes,
      });
      expect(created.status).toBe(201);
      return created.body.token;
    };
    const call = (secret: string, workspaceId = suite.owner.workspaceId) =>
      fetch(`${suite.app.baseUrl}/api/v1/workspaces/${workspaceId}/export`, {
        headers: { authorization: `Bearer ${secret}` },
      });
    const reader = await token(['export:read']);
    const response = await call(reader);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as WorkspaceExportDocument;
    expect(doc.includesKofi).toBe(false);
    expect(doc.tables['kofi_links']).toBeUndefined();
    expect(doc.tables['answers']!.length).toBeGreaterThan(0);
    expect((await call(await token(['points:read']))).status).toBe(403);
    expect((await call(reader, randomUUID())).status).toBe(404);
  });

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

  it('exports and imports from the command line', async () => {
    const file = join(suite.app.dataDir, 'cli-export.json');
    const env = {
      DATABASE_URL: suite.db.url,
      DATA_DIR: suite.app.dataDir,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
    };
    const lines: string[] = [];
    const code = await runCli(
      ['export', file, '--workspace', suite.owner.workspaceId],
      (l) => lines.push(l),
      env,
    );
    expect({ code, lines }).toMatchObject({ code: 0, lines: [expect.stringContaining('exported')] });
    const target = other!;
    const imported: string[] = [];
    const importCode = await runCli(['import', file], (l) => imported.push(l), {
      ...env,
      DATABASE_URL: target.db.url,
      DATA_DIR: target.app.dataDir,
    });
    // The fresh database already holds this workspace (the first test): a copy with new ids.
    expect({ importCode, imported }).toMatchObject({ importCode: 0 });
    expect(imported.join('\n')).toContain('with new ids (a copy)');
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
