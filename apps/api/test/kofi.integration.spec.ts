import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ApiErrorDto,
  KofiLinkDto,
  KofiLinkResultDto,
  KofiPaymentDto,
  KofiSettingsDto,
} from '@podium/contracts';
import { postKofiWebhook } from '@podium/fakes';
import { KofiService } from '../src/modules/integrations/kofi/kofi.service';
import { newMember } from './support/factories';
import type { HttpClient } from './support/http-client';
import { useTestSuite } from './support/test-suite';

const FIXTURES = join(__dirname, 'fixtures/kofi');
/** The token inside the recorded payloads: the one "Ko-fi shows" this workspace's owner. */
const TOKEN = '6d1f7c2a-3b9e-4f05-8a41-c2e7d9b0f318';
const DONATION_TX = '5b0e0001-7c21-4d8e-9f3a-1a2b3c4d5e6f';
const SUBSCRIPTION_TX = '5b0e0003-7c21-4d8e-9f3a-1a2b3c4d5e6f';

interface RecordedRequest {
  form: { data: string };
  raw_body: string;
}

function recorded(name: string): RecordedRequest {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.request.json`), 'utf8')) as RecordedRequest;
}

/** The recorded donation's payment object with some fields replaced (a new transaction, a forged token…). */
function donationWith(overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...(JSON.parse(recorded('donation').form.data) as Record<string, unknown>), ...overrides };
}

describe('Ko-fi: webhook, points and links (PostgreSQL)', () => {
  const suite = useTestSuite();
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  let hookUrl: string;
  let moderator: HttpClient;
  let corvid: string;
  let moth: string;

  /** A viewer row as the chat pipeline would have created it. */
  async function newViewer(displayName: string): Promise<string> {
    const [row] = await suite.db.query<{ id: string }>(
      `insert into viewers (workspace_id, platform, platform_user_id, login, display_name)
       values ($1, 'owncast', $2, $3, $3) returning id`,
      [suite.owner.workspaceId, `oc-${randomUUID()}`, displayName],
    );
    return row!.id;
  }

  async function balance(viewerId: string): Promise<number> {
    const rows = await suite.db.query<{ balance: string }>(
      'select balance from points_balances where workspace_id = $1 and viewer_id = $2',
      [suite.owner.workspaceId, viewerId],
    );
    return rows[0] ? Number(rows[0].balance) : 0;
  }

  async function ledgerFor(txid: string): Promise<{ viewer_id: string; amount: string; reason: string }[]> {
    return suite.db.query('select viewer_id, amount, reason from points_ledger where source_key = $1', [
      `kofi:${txid}`,
    ]);
  }

  async function paymentRows(txid: string): Promise<{ status: string; viewer_id: string | null }[]> {
    return suite.db.query('select status, viewer_id from kofi_payments where transaction_id = $1', [txid]);
  }

  const kofiService = () => suite.app.podium.app.get(KofiService);

  beforeAll(async () => {
    moderator = (await newMember(suite.owner.client, suite.owner.workspaceId, 'moderator')).client;
    corvid = await newViewer('CorvidCoins');
    moth = await newViewer('PixelMoth');
  });

  it('shows the owner a secret webhook URL and refuses deliveries until the token is saved', async () => {
    const settings = await suite.owner.client.get<KofiSettingsDto>(`${ws()}/kofi/settings`);
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ tokenConfigured: false, pointsPerUnit: 100 });
    expect(settings.body.webhookUrl).toMatch(/^http:\/\/localhost:\d+\/api\/integrations\/kofi\/[\w-]{32}$/);
    hookUrl = `${suite.app.baseUrl}${new URL(settings.body.webhookUrl).pathname}`;
    // The URL is a credential: moderators neither see nor change it.
    expect((await moderator.get(`${ws()}/kofi/settings`)).status).toBe(403);
    expect((await moderator.put(`${ws()}/kofi/settings`, { verificationToken: 'x' })).status).toBe(403);

    const early = await postKofiWebhook(hookUrl, recorded('donation').form.data);
    expect(early.status).toBe(401);
    expect(early.body).toMatchObject({ code: 'kofi.webhook_unauthenticated' });
    expect(await paymentRows(DONATION_TX)).toEqual([]);

    const saved = await suite.owner.client.put<KofiSettingsDto>(`${ws()}/kofi/settings`, {
      verificationToken: TOKEN,
      pointsPerUnit: 100,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ tokenConfigured: true, webhookUrl: settings.body.webhookUrl });
    const [row] = await suite.db.query<{ verification_token: string }>(
      'select verification_token from kofi_settings where workspace_id = $1',
      [suite.owner.workspaceId],
    );
    expect(row!.verification_token).toMatch(/^v1\./);
    expect(row!.verification_token).not.toContain(TOKEN);
  });

  it('credits the recorded donation, posted exactly as Ko-fi does, once to the linked viewer', async () => {
    const linked = await moderator.post<KofiLinkResultDto>(`${ws()}/kofi/links`, {
      viewerId: corvid,
      email: '  Corvid.Coins@Example.com ',
    });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ appliedPayments: 0, appliedPoints: 0, link: { email: null } });

    const request = recorded('donation');
    const first = await postKofiWebhook(hookUrl, request.form.data);
    expect(first.sentBody).toBe(request.raw_body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'recorded' });
    expect(await balance(corvid)).toBe(500);
    expect(await ledgerFor(DONATION_TX)).toEqual([{ viewer_id: corvid, amount: '500', reason: 'kofi' }]);
    expect(await paymentRows(DONATION_TX)).toEqual([{ status: 'credited', viewer_id: corvid }]);
  });

  it('five more deliveries of the same donation, one after another and at once, credit nothing more', async () => {
    const data = recorded('donation').form.data;
    for (let i = 0; i < 5; i++) {
      const again = await postKofiWebhook(hookUrl, data);
      expect(again).toMatchObject({ status: 200, body: { status: 'duplicate' } });
    }
    const together = await Promise.all(Array.from({ length: 5 }, () => postKofiWebhook(hookUrl, data)));
    expect(together.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await balance(corvid)).toBe(500);
    expect(await ledgerFor(DONATION_TX)).toHaveLength(1);
    expect(await paymentRows(DONATION_TX)).toHaveLength(1);
  });

  it('a new payment delivered five times at once is recorded and credited exactly once', async () => {
    const txid = randomUUID();
    const payment = donationWith({ kofi_transaction_id: txid, message_id: randomUUID(), amount: '2.50' });
    const results = await Promise.all(Array.from({ length: 5 }, () => postKofiWebhook(hookUrl, payment)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const statuses = results.map((r) => (r.body as { status: string }).status).sort();
    expect(statuses).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'recorded']);
    expect(await ledgerFor(txid)).toEqual([{ viewer_id: corvid, amount: '250', reason: 'kofi' }]);
    expect(await balance(corvid)).toBe(750);
  });

  it('refuses a forged token (401), a malformed body (400) and an unknown URL (404), storing nothing', async () => {
    const txid = randomUUID();
    const forged = await postKofiWebhook(
      hookUrl,
      donationWith({ kofi_transaction_id: txid, verification_token: 'forged-token-0000' }),
    );
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ code: 'kofi.webhook_unauthenticated' });
    // A forger learns nothing about the schema: a bad token is refused before the payment is read.
    const forgedAndBroken = await postKofiWebhook(hookUrl, { verification_token: 'nope', type: 'Refund' });
    expect(forgedAndBroken.status).toBe(401);

    const noData = await postKofiWebhook(hookUrl, '', { rawBody: 'payload=%7B%7D' });
    expect(noData.status).toBe(400);
    expect(noData.body).toMatchObject({ code: 'kofi.webhook_malformed', field: 'data' });
    const notJson = await postKofiWebhook(hookUrl, '{"verification_token":');
    expect(notJson.status).toBe(400);
    const badAmount = await postKofiWebhook(
      hookUrl,
      donationWith({ kofi_transaction_id: txid, amount: 'lots' }),
    );
    expect(badAmount.status).toBe(400);
    expect((badAmount.body as ApiErrorDto).message).toMatch(/amount/);

    const unknown = await postKofiWebhook(
      `${suite.app.baseUrl}/api/integrations/kofi/${'A'.repeat(32)}`,
      recorded('donation').form.data,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'kofi.webhook_unknown' });
    expect((await postKofiWebhook(`${suite.app.baseUrl}/api/integrations/kofi/x`, '{}')).status).toBe(404);

    expect(await paymentRows(txid)).toEqual([]);
    expect(await ledgerFor(txid)).toEqual([]);
    expect(await balance(corvid)).toBe(750);
  });

  it('keeps the first subscription payment pending until its e-mail is linked, then applies it once', async () => {
    const sub = await postKofiWebhook(hookUrl, recorded('subscription.first').form.data);
    expect(sub).toMatchObject({ status: 200, body: { status: 'recorded' } });
    expect(await paymentRows(SUBSCRIPTION_TX)).toEqual([{ status: 'pending', viewer_id: null }]);
    expect(await ledgerFor(SUBSCRIPTION_TX)).toEqual([]);
    expect(await kofiService().isSupporter(suite.owner.workspaceId, moth)).toBe(false);

    // The viewer panel's path (helper "panel" calls this with the signed-in viewer).
    const linked = await kofiService().linkEmail(suite.owner.workspaceId, moth, 'PIXEL.moth@example.com');
    expect(linked).toMatchObject({ appliedPayments: 1, appliedPoints: 400, link: { linkedBy: 'viewer' } });
    expect(await balance(moth)).toBe(400);
    expect(await paymentRows(SUBSCRIPTION_TX)).toEqual([{ status: 'credited', viewer_id: moth }]);

    const again = await kofiService().linkEmail(suite.owner.workspaceId, moth, 'pixel.moth@example.com');
    expect(again).toMatchObject({ appliedPayments: 0, appliedPoints: 0 });
    const redelivered = await postKofiWebhook(hookUrl, recorded('subscription.first').form.data);
    expect(redelivered.body).toMatchObject({ status: 'duplicate' });
    expect(await balance(moth)).toBe(400);
    expect(await ledgerFor(SUBSCRIPTION_TX)).toHaveLength(1);
    expect(await kofiService().isSupporter(suite.owner.workspaceId, moth)).toBe(true);
  });

  it('does not let one viewer take another viewer’s e-mail', async () => {
    const thief = await newViewer('Sneaky');
    await expect(
      kofiService().linkEmail(suite.owner.workspaceId, thief, 'pixel.moth@example.com'),
    ).rejects.toMatchObject({ code: 'kofi.email_taken' });
    await expect(
      kofiService().linkEmail(suite.owner.workspaceId, thief, 'not an e-mail'),
    ).rejects.toMatchObject({
      code: 'kofi.invalid_email',
    });
    expect(await kofiService().isLinked(suite.owner.workspaceId, thief)).toBe(false);
    expect(await kofiService().isSupporter(suite.owner.workspaceId, thief)).toBe(false);
    expect(await kofiService().isSupporter(suite.owner.workspaceId, corvid)).toBe(true);
    const bad = await moderator.post<ApiErrorDto>(`${ws()}/kofi/links`, {
      viewerId: randomUUID(),
      email: 'a@b.co',
    });
    expect(bad.status).toBe(404);
  });

  it('shows e-mails to owners only; moderators see that a viewer is linked', async () => {
    const ownerLinks = await suite.owner.client.get<KofiLinkDto[]>(`${ws()}/kofi/links`);
    expect(ownerLinks.status).toBe(200);
    expect(ownerLinks.body.map((l) => [l.viewer.displayName, l.email]).sort()).toEqual([
      ['CorvidCoins', 'corvid.coins@example.com'],
      ['PixelMoth', 'pixel.moth@example.com'],
    ]);
    const modLinks = await moderator.get<KofiLinkDto[]>(`${ws()}/kofi/links`);
    expect(modLinks.body.map((l) => [l.viewer.displayName, l.email]).sort()).toEqual([
      ['CorvidCoins', null],
      ['PixelMoth', null],
    ]);

    const ownerPayments = await suite.owner.client.get<KofiPaymentDto[]>(`${ws()}/kofi/payments`);
    expect(ownerPayments.status).toBe(200);
    expect(ownerPayments.body).toHaveLength(3);
    expect(ownerPayments.body.find((p) => p.transactionId === DONATION_TX)).toMatchObject({
      type: 'Donation',
      amount: '5.00',
      currency: 'USD',
      points: 500,
      status: 'credited',
      email: 'corvid.coins@example.com',
      viewer: { id: corvid, displayName: 'CorvidCoins' },
    });
    const modPayments = await moderator.get<KofiPaymentDto[]>(`${ws()}/kofi/payments`);
    expect(modPayments.body.map((p) => p.email)).toEqual([null, null, null]);
    expect(JSON.stringify(modPayments.body)).not.toContain('@example.com');
  });

  it('rotating the webhook URL retires the old one', async () => {
    const rotated = await suite.owner.client.put<KofiSettingsDto>(`${ws()}/kofi/settings`, {
      rotateWebhookUrl: true,
    });
    expect(rotated.status).toBe(200);
    expect(`${suite.app.baseUrl}${new URL(rotated.body.webhookUrl).pathname}`).not.toBe(hookUrl);
    const old = await postKofiWebhook(hookUrl, donationWith({ kofi_transaction_id: randomUUID() }));
    expect(old.status).toBe(404);
  });

  it('lets a moderator move a linked e-mail to another viewer; later payments go there', async () => {
    const other = await newViewer('CorvidAlt');
    const moved = await moderator.post<KofiLinkResultDto>(`${ws()}/kofi/links`, {
      viewerId: other,
      email: 'corvid.coins@example.com',
    });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({
      appliedPayments: 0,
      link: { viewer: { id: other }, linkedBy: 'moderator' },
    });
    const settings = await suite.owner.client.get<KofiSettingsDto>(`${ws()}/kofi/settings`);
    const url = `${suite.app.baseUrl}${new URL(settings.body.webhookUrl).pathname}`;
    const txid = randomUUID();
    const paid = await postKofiWebhook(url, donationWith({ kofi_transaction_id: txid, amount: '1.00' }));
    expect(paid.body).toMatchObject({ status: 'recorded' });
    expect(await ledgerFor(txid)).toEqual([{ viewer_id: other, amount: '100', reason: 'kofi' }]);
    expect(await balance(corvid)).toBe(750);
  });
});
