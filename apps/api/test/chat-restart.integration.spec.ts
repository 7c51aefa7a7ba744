import type { ChatEventInput } from '@podium/contracts';
import { DomainEvents } from '../src/common/events/domain-events';
import { ConnectionsService } from '../src/modules/chat/connections/connections.service';
import { ChatPipeline } from '../src/modules/chat/events/chat-pipeline';
import { newOwner } from './support/factories';
import { until } from './support/live-harness';
import { startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';

/**
 * An event is accepted once it is recorded. Here every handler fails while the first api runs (as
 * if it died right after acknowledging), the api is replaced, and the new one handles each event
 * exactly once from the record; a redelivery after the restart changes nothing.
 */
describe('chat events across an api restart (PostgreSQL)', () => {
  let db: TestDatabase;
  let app: TestApp | undefined;

  beforeAll(async () => {
    db = await TestDatabase.create();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('loses no accepted event and handles each once', async () => {
    app = await startTestApp({ databaseUrl: db.url });
    const owner = await newOwner(app.baseUrl);
    const inputs: ChatEventInput[] = Array.from({ length: 30 }, (_, n) => ({
      kind: 'message',
      externalId: `restart-${n}`,
      viewer: { platform: 'inroom', platformUserId: `viewer-${n % 7}`, displayName: `V${n % 7}`, roles: [] },
      text: `line ${n}`,
      occurredAt: new Date(Date.now() + n).toISOString(),
    }));

    app.podium.app.get(DomainEvents).on('chat.messageReceived', () => {
      throw new Error('the first api is going down');
    });
    const connection = await app.podium.app.get(ConnectionsService).ensureInroom(owner.workspaceId);
    const first = await app.podium.app.get(ChatPipeline).ingest(connection, inputs);
    expect(first.recorded).toHaveLength(30);
    await until('every first attempt to fail', async () => {
      const [row] = await db.query<{ failed: number }>(
        'select count(*)::int as failed from chat_events where last_error is not null',
      );
      return row!.failed === 30;
    });
    await app.close();
    app = undefined;

    app = await startTestApp({ databaseUrl: db.url });
    const handled = new Map<string, number>();
    app.podium.app.get(DomainEvents).on('chat.messageReceived', ({ event }) => {
      handled.set(event.externalId, (handled.get(event.externalId) ?? 0) + 1);
    });
    const again = await app.podium.app.get(ChatPipeline).ingest(connection, inputs);
    expect(again).toEqual({ recorded: [], duplicates: 30 });

    await until('the new api to handle every event', () => handled.size === 30, 30_000);
    expect([...handled.values()].every((count) => count === 1)).toBe(true);
    const [counts] = await db.query<{ total: number; processed: number }>(
      'select count(*)::int as total, count(processed_at)::int as processed from chat_events',
    );
    expect(counts).toEqual({ total: 30, processed: 30 });
  }, 60_000);
});
