import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ApiWhoamiDto,
  ConnectionDto,
  CreatedApiTokenDto,
  KofiSettingsDto,
  MeDto,
} from '@podium/contracts';
import { FakeOwncast, FakeTwitch, postKofiWebhook } from '@podium/fakes';
import { newOwner } from './support/factories';
import { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';
import { BOT, BROADCASTER, connectThroughOAuth, twitchConnection, twitchEnv } from './support/twitch-connect';

const PUBLIC_URL = 'https://podium.example.test';
const PASSWORD = `pass-${randomBytes(9).toString('hex')}-phrase`;
const KOFI_TOKEN = randomUUID();
const OWNCAST_TOKEN = `owncast-${randomBytes(16).toString('base64url')}`;
const OWNCAST_WEBHOOK_SECRET = `hook-${randomBytes(16).toString('hex')}`;
const SESSION_SECRET = randomBytes(32).toString('hex');
const ENCRYPTION_KEY = randomBytes(32).toString('hex');

/**
 * Everything the process writes to stdout/stderr while capturing: pino writes through sonic-boom
 * (`fs.writeSync`/`fs.write` on fd 1), Nest and others through `process.stdout.write`.
 */
class OutputCapture {
  private chunks: string[] = [];
  private restores: (() => void)[] = [];

  start(): void {
    const keep = (fd: unknown, data: unknown) => {
      if (fd !== 1 && fd !== 2) return false;
      this.chunks.push(typeof data === 'string' ? data : Buffer.from(data as Uint8Array).toString('utf8'));
      return true;
    };
    const writeSync = fs.writeSync;
    const write = fs.write;
    const patchedSync = ((fd: number, data: unknown, ...rest: unknown[]) => {
      if (keep(fd, data))
        return typeof data === 'string' ? Buffer.byteLength(data) : (data as Uint8Array).length;
      return (writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
    }) as typeof fs.writeSync;
    const patched = ((fd: number, data: unknown, ...rest: unknown[]) => {
      if (keep(fd, data)) {
        const callback = rest.find((arg) => typeof arg === 'function') as
          ((error: null, written: number) => void) | undefined;
        const written = typeof data === 'string' ? Buffer.byteLength(data) : (data as Uint8Array).length;
        if (callback) process.nextTick(() => callback(null, written));
        return;
      }
      (write as (...args: unknown[]) => void)(fd, data, ...rest);
    }) as typeof fs.write;
    fs.writeSync = patchedSync;
    fs.write = patched;
    this.restores.push(() => {
      fs.writeSync = writeSync;
      fs.write = write;
    });
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        this.chunks.push(
          typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'),
        );
        const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
        callback?.();
        return true;
      }) as typeof stream.write;
      this.restores.push(() => (stream.write = original));
    }
  }

  stop(): void {
    this.restores.reverse().forEach((restore) => restore());
    this.restores = [];
  }

  text(): string {
    return this.chunks.join('');
  }
}

describe('no secret reaches the logs, even at debug level (PostgreSQL)', () => {
  const capture = new OutputCapture();
  let fake: FakeTwitch;
  let owncast: FakeOwncast;
  let db: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    fake = await FakeTwitch.start({ users: [BROADCASTER, BOT] });
    owncast = await FakeOwncast.start({ accessToken: OWNCAST_TOKEN });
    process.env['TWURPLE_MOCK_API_PORT'] = String(fake.port);
    fake.routeCallbacks(PUBLIC_URL, () => app.baseUrl);
    db = await TestDatabase.create();
    capture.start();
    app = await startTestApp({
      databaseUrl: db.url,
      env: { ...twitchEnv(fake), PUBLIC_URL, LOG_LEVEL: 'debug', SESSION_SECRET, ENCRYPTION_KEY },
    });
  });
  afterAll(async () => {
    await app?.close();
    capture.stop();
    await owncast?.close();
    await fake?.close();
    delete process.env['TWURPLE_MOCK_API_PORT'];
    await db?.drop();
  });

  it('signs up and in, uses an API token, connects Twitch, Ko-fi and Owncast, and logs none of their secrets', async () => {
    // Sign-up (first-run setup) and a password sign-in, a wrong one too.
    const owner = await newOwner(app.baseUrl, { password: PASSWORD });
    const ws = `/api/workspaces/${owner.workspaceId}`;
    const signIn = new HttpClient(app.baseUrl);
    expect(
      (await signIn.post('/api/auth/login', { email: owner.request.email, password: `${PASSWORD}x` })).status,
    ).toBe(401);
    expect(
      (await signIn.post<MeDto>('/api/auth/login', { email: owner.request.email, password: PASSWORD }))
        .status,
    ).toBe(200);
    const sessionCookie = signIn.cookie?.split(';')[0]?.split('=')[1] ?? '';
    expect(sessionCookie.length).toBeGreaterThan(10);

    // An API token: created, used, and used wrongly (a typo'd token must not be echoed either).
    const created = await owner.client.post<CreatedApiTokenDto>(`${ws}/api-tokens`, {
      name: 'logs',
      scopes: ['points:read'],
    });
    expect(created.status).toBe(201);
    const apiToken = created.body.token;
    const whoami = await fetch(`${app.baseUrl}/api/v1/workspaces/${owner.workspaceId}/whoami`, {
      headers: { authorization: `Bearer ${apiToken}` },
    });
    expect(whoami.status).toBe(200);
    expect(((await whoami.json()) as ApiWhoamiDto).workspaceId).toBe(owner.workspaceId);
    // The last character changed for another one (a token may already end in "A").
    const typoToken = `${apiToken.slice(0, -1)}${apiToken.endsWith('A') ? 'B' : 'A'}`;
    const typo = await fetch(`${app.baseUrl}/api/v1/workspaces/${owner.workspaceId}/whoami`, {
      headers: { authorization: `Bearer ${typoToken}` },
    });
    expect(typo.status).toBe(401);

    // Twitch through OAuth with the fake: access and refresh tokens are issued to the app.
    fake.signInAs(BROADCASTER.id);
    const { landedOn } = await connectThroughOAuth(app, owner.client, owner.workspaceId);
    expect(landedOn).toBe(`/w/${owner.workspaceId}/connections?connected=twitch`);
    expect((await twitchConnection(owner.client, owner.workspaceId)).status).toBe('connected');
    const twitchTokens = fake.issuedTokensOf(BROADCASTER.id);
    expect(twitchTokens.length).toBeGreaterThanOrEqual(2);

    // Ko-fi: the verification token saved, then a delivery carrying it and a forged one.
    const kofi = await owner.client.put<KofiSettingsDto>(`${ws}/kofi/settings`, {
      verificationToken: KOFI_TOKEN,
      pointsPerUnit: 100,
    });
    expect(kofi.status).toBe(200);
    expect(kofi.body.tokenConfigured).toBe(true);
    const hookUrl = `${app.baseUrl}${new URL(kofi.body.webhookUrl).pathname}`;
    const donation = JSON.parse(
      (
        JSON.parse(readFileSync(join(__dirname, 'fixtures/kofi/donation.request.json'), 'utf8')) as {
          form: { data: string };
        }
      ).form.data,
    ) as Record<string, unknown>;
    const accepted = await postKofiWebhook(hookUrl, {
      ...donation,
      verification_token: KOFI_TOKEN,
      kofi_transaction_id: randomUUID(),
    });
    expect(accepted.status).toBe(200);
    await postKofiWebhook(hookUrl, { ...donation, verification_token: `${KOFI_TOKEN}0` });

    // Owncast: connected with its access token and a webhook secret; a wrong token refused.
    const refused = await owner.client.post(`${ws}/connections/owncast`, {
      instanceUrl: `${owncast.url}/`,
      accessToken: `${OWNCAST_TOKEN}-wrong`,
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const connected = await owner.client.post<ConnectionDto>(`${ws}/connections/owncast`, {
      instanceUrl: `${owncast.url}/`,
      accessToken: OWNCAST_TOKEN,
      webhookSecret: OWNCAST_WEBHOOK_SECRET,
    });
    expect(connected.status).toBe(201);

    // The capture really holds the request logs of what happened above (LOG_LEVEL=debug)…
    const logs = capture.text();
    expect(logs).toContain('"msg":"request completed"');
    for (const route of [
      '/api/auth/login',
      '/whoami',
      '/api/integrations/twitch/oauth/callback',
      '/kofi/settings',
      '/connections/owncast',
    ])
      expect(logs).toContain(route);

    // …and none of the secrets, nor the configured keys, in any form a reader could use.
    const secrets: Record<string, string> = {
      password: PASSWORD,
      session: sessionCookie,
      apiToken,
      apiTokenBody: apiToken.replace(/^pod_/, ''),
      kofi: KOFI_TOKEN,
      owncast: OWNCAST_TOKEN,
      owncastWebhook: OWNCAST_WEBHOOK_SECRET,
      twitchClientSecret: fake.clientSecret,
      sessionSecret: SESSION_SECRET,
      encryptionKey: ENCRYPTION_KEY,
      kofiWebhookKey: new URL(hookUrl).pathname.split('/').at(-1)!,
      ...Object.fromEntries(twitchTokens.map((token, index) => [`twitch${index}`, token])),
    };
    const leaked = Object.entries(secrets)
      .filter(([, secret]) => logs.includes(secret) || logs.includes(encodeURIComponent(secret)))
      .map(([name, secret]) => {
        const at = logs.indexOf(secret);
        return `${name}: …${logs.slice(Math.max(0, at - 200), at + secret.length + 50)}…`;
      });
    expect(leaked).toEqual([]);
    // The OAuth callback's single-use sign-in code travels in the query string: never logged.
    expect(logs).not.toMatch(/oauth\/callback\?[^"\s]*code=/);
  });
});
