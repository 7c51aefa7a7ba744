import { randomUUID } from 'node:crypto';
import type { ApiErrorDto, PanelSessionDto, RehearsalInjectionDto } from '@podium/contracts';
import { TransactionRunner } from '../../src/database/transaction';
import { PointsLedger } from '../../src/modules/points/points-ledger';
import { until } from './live-harness';
import { type TestSuite, useTestSuite } from './test-suite';

/** The panel links' host: plain http, so the cookie is the Lax one. */
const PUBLIC_URL = 'http://podium.test';

export interface PanelResult<T> {
  status: number;
  body: T;
  setCookie: string | undefined;
}

/** A viewer's browser: keeps only the panel cookie, the way the browser scopes it to /api/panel. */
export class PanelBrowser {
  cookie?: string;

  constructor(private readonly baseUrl: string) {}

  async request<T>(method: string, path: string, body?: unknown, contentType = 'application/json') {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = contentType;
    if (this.cookie) headers['cookie'] = this.cookie;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('podium_panel='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'podium_panel=' ? undefined : value;
    }
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, setCookie };
  }

  signIn(token: string): Promise<PanelResult<PanelSessionDto & ApiErrorDto>> {
    return this.request('POST', '/api/panel/session', { token });
  }
}

/** A suite whose links point at PUBLIC_URL (http). */
export function usePanelSuite(): TestSuite {
  return useTestSuite({ env: () => ({ PUBLIC_URL }) });
}

/** Viewers who ask the bot for their panel link, and points credited to them, in a suite's workspace. */
export function panelHelpers(suite: TestSuite) {
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const get = <T>(type: abstract new (...args: never[]) => T) => suite.app.podium.app.get(type);

  const seenReplies = new Set<string>();

  /** A rehearsal viewer types `!panel`; resolves with the link the bot answered and the viewer's id. */
  async function askForLink(displayName: string): Promise<{ link: string; token: string; viewerId: string }> {
    const sent = await suite.owner.client.post<RehearsalInjectionDto>(`${ws()}/rehearsal/events`, {
      kind: 'message',
      viewer: { displayName },
      text: '!panel',
      eventId: randomUUID(),
    });
    expect(sent.status).toBe(201);
    const event = sent.body.events[0]!;
    let text = '';
    await until(`the !panel reply to ${displayName}`, async () => {
      const rows = (await suite.db.query(
        `select text from chat_outbox where workspace_id = $1 and text like $2 order by seq`,
        [suite.owner.workspaceId, `@${displayName} your panel:%`],
      )) as { text: string }[];
      text = rows.map((row) => row.text).find((candidate) => !seenReplies.has(candidate)) ?? '';
      return text !== '';
    });
    seenReplies.add(text);
    const match = /(http:\/\/podium\.test\/p\/([A-Za-z0-9_.-]+))/.exec(text);
    expect(match).not.toBeNull();
    return { link: match![1]!, token: match![2]!, viewerId: event.viewerId! };
  }

  async function credit(viewerId: string, amount: number, sourceKey: string): Promise<void> {
    await get(TransactionRunner).run((tx) =>
      get(PointsLedger).credit(tx, {
        workspaceId: suite.owner.workspaceId,
        viewerId,
        amount,
        reason: 'adjust',
        sourceKey,
        note: 'test credit',
      }),
    );
  }

  return { ws, get, askForLink, credit };
}
