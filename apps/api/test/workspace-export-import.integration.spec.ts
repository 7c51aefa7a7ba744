import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ApiErrorDto, CreatedApiTokenDto, WorkspaceExportDocument } from '@podium/contracts';
import { runCli } from '../src/cli/podium-cli';
import { BACKUP_TABLES, EXCLUDED_TABLES } from '../src/modules/backup/backup-tables';
import { PointsLedger } from '../src/modules/points/points-ledger';
import { newOwner } from './support/factories';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';
import { useTestSuite } from './support/test-suite';
import { PNG, buildRichWorkspace, importFile, postFile } from './support/workspace-export';

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
describe('workspace export / import (PostgreSQL)', () => {
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

  it('round-trips a rich workspace into a fresh database exactly, field by field', async () => {
    const { mediaId, viewers } = await buildRichWorkspace(suite);
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
});
