import { randomUUID } from 'node:crypto';
import type {
  ApiErrorDto,
  AutoResponseDto,
  BotCommandDto,
  BotSandboxResultDto,
  ChatLogDto,
  ConnectionDto,
  OAuthStartDto,
  PublicCommandListDto,
} from '@podium/contracts';
import { type FakeOwncast, type FakeTwitch, type FakeYoutube, youtubeTextMessage } from '@podium/fakes';
import { BotEffectsRepository } from '../src/modules/bots/bot-effects.repository';
import { ChatStages } from '../src/modules/bots/chat-stages';
import { OutboxService } from '../src/modules/chat/outbox/outbox.service';
import {
  botChatHelpers,
  MOD,
  NIGHT_OWL,
  OWNCAST_TOKEN,
  PIXEL,
  PUBLIC_URL,
  SPONSOR,
  TIDE,
} from './support/bot-chat';
import { useChatPlatforms } from './support/chat-platforms';
import { HttpClient } from './support/http-client';
import { sleep, until } from './support/live-harness';
import { BROADCASTER, connectThroughOAuth, twitchConnection } from './support/twitch-connect';

/**
 * Custom command bots and auto-responses through the real pipeline: fake Twitch (EventSub webhooks),
 * YouTube (polled) and Owncast connected to one workspace; replies land on the platform asked.
 * The built-in moderator commands are in bot-builtins.integration.spec.ts.
 */
describe('Command bots and auto-responses (PostgreSQL + Redis)', () => {
  let twitch: FakeTwitch;
  let youtube: FakeYoutube;
  let owncast: FakeOwncast;
  const { suite, platforms } = useChatPlatforms({
    twitchUsers: [BROADCASTER, PIXEL, MOD, TIDE],
    twitchEvents: 'webhook',
    owncast: true,
  });
  beforeAll(() => {
    ({ twitch, youtube, owncast } = platforms);
  });

  const { ws, bots, said, twitchSays, createCommand, answered } = botChatHelpers(suite, () => twitch);
  const connections = {} as Record<'twitch' | 'youtube' | 'owncast', ConnectionDto>;

  it('connects Twitch (webhooks), YouTube and Owncast to the workspace', async () => {
    twitch.routeCallbacks(PUBLIC_URL, () => suite.app.baseUrl);
    twitch.signInAs(BROADCASTER.id);
    await connectThroughOAuth(suite.app, suite.owner.client, suite.owner.workspaceId);
    connections.twitch = await twitchConnection(suite.owner.client, suite.owner.workspaceId);
    expect(connections.twitch).toMatchObject({ status: 'connected', transport: 'webhook' });

    youtube.chats.goLive({ title: 'Bots night' });
    // Google redirects to PUBLIC_URL; the test reaches the app directly.
    const start = await suite.owner.client.get<OAuthStartDto>(`${ws()}/connections/youtube/authorize`);
    const consent = await fetch(start.body.authorizeUrl, { redirect: 'manual' });
    const callback = new URL(consent.headers.get('location') ?? '');
    const done = await fetch(new URL(callback.pathname + callback.search, suite.app.baseUrl), {
      redirect: 'manual',
      headers: { cookie: suite.owner.client.cookie ?? '' },
    });
    expect(done.status).toBe(302);
    const owncastAdded = await suite.owner.client.post<ConnectionDto>(`${ws()}/connections/owncast`, {
      instanceUrl: owncast.url,
      accessToken: OWNCAST_TOKEN,
    });
    expect(owncastAdded.status).toBe(201);
    const listed = await suite.owner.client.get<ConnectionDto[]>(`${ws()}/connections`);
    connections.youtube = listed.body.find((c) => c.platform === 'youtube')!;
    connections.owncast = owncastAdded.body;
    expect(connections.youtube).toMatchObject({ status: 'connected' });
    await until('the first YouTube poll', () => youtube.chatListRequests().some((r) => r.status === 200));
  });

  it('answers a Twitch !hello on Twitch only, and a YouTube alias on YouTube only', async () => {
    await createCommand({ name: 'Hello', aliases: ['hi'], responses: ['Hello {user}! (#{count})'] });

    await twitchSays(PIXEL, '!hello');
    await answered('twitch', 'Hello PixelMoth! (#1)');
    await until('the reply at the fake Twitch', () =>
      twitch.chatMessages.some((m) => m.message === 'Hello PixelMoth! (#1)'),
    );
    expect(await said('youtube')).toEqual([]);
    expect(await said('owncast')).toEqual([]);

    youtube.chats.post(youtubeTextMessage(NIGHT_OWL, '!HI there'));
    await answered('youtube', 'Hello NightOwl! (#2)');
    await until('the reply at the fake YouTube', () =>
      youtube.insertedTexts().includes('Hello NightOwl! (#2)'),
    );
    expect(await said('twitch')).toEqual(['Hello PixelMoth! (#1)']);
    expect(await said('owncast')).toEqual([]);
  });

  it('answers only viewers with the permission; a YouTube member counts as a subscriber', async () => {
    await createCommand({ name: 'modonly', responses: ['mods rule'], permission: 'moderator' });
    await createCommand({ name: 'subsonly', responses: ['subs rule, {user}'], permission: 'subscriber' });

    await twitchSays(PIXEL, '!modonly', ['subscriber', 'vip']);
    await twitchSays(MOD, '!modonly', ['moderator']);
    await answered('twitch', 'mods rule');
    expect((await said('twitch')).filter((t) => t === 'mods rule')).toHaveLength(1);

    youtube.chats.post(youtubeTextMessage(NIGHT_OWL, '!subsonly'));
    youtube.chats.post(youtubeTextMessage(SPONSOR, '!subsonly'));
    await answered('youtube', 'subs rule, GoldLeaf');
    expect((await said('youtube')).filter((t) => t.startsWith('subs rule'))).toEqual(['subs rule, GoldLeaf']);
  });

  it('answers a burst once per global cooldown, and once per viewer per user cooldown', async () => {
    await createCommand({ name: 'lurk', responses: ['{user} lurks'], globalCooldownSeconds: 60 });
    await createCommand({ name: 'dice', responses: ['{user} rolls'], userCooldownSeconds: 60 });

    await Promise.all([PIXEL, MOD, TIDE, PIXEL, MOD].map((user) => twitchSays(user, '!lurk')));
    await until('a lurk reply', async () => (await said('twitch')).some((t) => t.endsWith(' lurks')));
    await sleep(300);
    expect((await said('twitch')).filter((t) => t.endsWith(' lurks'))).toHaveLength(1);

    await Promise.all([PIXEL, PIXEL, PIXEL, TIDE, TIDE].map((user) => twitchSays(user, '!dice')));
    await until(
      'two dice replies',
      async () => (await said('twitch')).filter((t) => t.endsWith(' rolls')).length >= 2,
    );
    await sleep(300);
    expect((await said('twitch')).filter((t) => t.endsWith(' rolls')).sort()).toEqual([
      'PixelMoth rolls',
      'TideWrangler rolls',
    ]);
  });

  it('answers an event once when Twitch redelivers it and when the pipeline retries its handlers', async () => {
    const command = await createCommand({ name: 'once', responses: ['once, {user} (#{count})'] });
    const [delivery] = await twitchSays(TIDE, '!once');
    await twitch.redeliver(delivery!);
    await answered('twitch', 'once, TideWrangler (#1)');

    const log = await suite.owner.client.get<ChatLogDto>(`${ws()}/chat/events?limit=200`);
    const event = log.body.events.find((e) => e.text === '!once')!;
    await suite.app.podium.app.get(ChatStages).handle(event);
    await sleep(300);
    expect((await said('twitch')).filter((t) => t.startsWith('once,'))).toEqual(['once, TideWrangler (#1)']);
    const stored = await suite.owner.client.get<BotCommandDto>(`${bots()}/commands/${command.id}`);
    expect(stored.body.useCount).toBe(1);
  });

  it('counts the uses of a command that does not show its count once each, at the end of the batch', async () => {
    const command = await createCommand({ name: 'wave', responses: ['waves at {user}'] });
    const [delivery] = await twitchSays(TIDE, '!wave');
    await twitchSays(PIXEL, '!wave');
    await twitch.redeliver(delivery!);
    await answered('twitch', 'waves at TideWrangler');
    await answered('twitch', 'waves at PixelMoth');

    // A retry of the handlers outside a batch counts and answers nothing again.
    const log = await suite.owner.client.get<ChatLogDto>(`${ws()}/chat/events?limit=200`);
    const event = log.body.events.find((e) => e.text === '!wave')!;
    await suite.app.podium.app.get(ChatStages).handle(event);
    await sleep(300);
    expect((await said('twitch')).filter((t) => t.startsWith('waves at')).sort()).toEqual([
      'waves at PixelMoth',
      'waves at TideWrangler',
    ]);
    const stored = await suite.owner.client.get<BotCommandDto>(`${bots()}/commands/${command.id}`);
    expect(stored.body.useCount).toBe(2);
  });

  it('queues replies and their claims in one statement: once, and nowhere when the connection is gone', async () => {
    const log = await suite.owner.client.get<ChatLogDto>(`${ws()}/chat/events?limit=200`);
    const event = log.body.events.find((e) => e.text === '!once')!;
    const outbox = suite.app.podium.app.get(OutboxService);
    const effects = suite.app.podium.app.get(BotEffectsRepository);
    const reply = (text: string, connectionId: string, effect: string) => ({
      workspaceId: event.workspaceId,
      text,
      connectionIds: [connectionId],
      once: effects.claimFor(event.id, effect),
    });

    // A batch's replies: the same claim twice in one statement queues the first only.
    const batch = await outbox.enqueueMany([
      reply('claimed once', event.connectionId, 'test:claimed'),
      reply('claimed twice', event.connectionId, 'test:claimed'),
      reply('claimed too', event.connectionId, 'test:other'),
    ]);
    expect(batch.map((message) => message.text)).toEqual(['claimed once', 'claimed too']);
    expect(await outbox.enqueueMany([reply('claimed once', event.connectionId, 'test:claimed')])).toEqual([]);
    // A retry after the line's connection went away: nothing to answer on, and no error.
    expect(await outbox.enqueueMany([reply('nowhere', randomUUID(), 'test:gone')])).toEqual([]);
    await answered('twitch', 'claimed once');
    await sleep(300);
    expect((await said('twitch')).filter((t) => t === 'claimed once')).toHaveLength(1);
  });

  it('lists what the caller may use in !help, with the link to the public commands page', async () => {
    await twitchSays(PIXEL, '!help');
    const link = `${PUBLIC_URL}/w/${suite.owner.workspaceId}/commands`;
    await until('the help line', async () => (await said('twitch')).some((t) => t.startsWith('Commands: ')));
    const help = (await said('twitch')).find((t) => t.startsWith('Commands: '))!;
    expect(help.length).toBeLessThanOrEqual(400);
    expect(help).toContain('!hello');
    expect(help).toContain('!help');
    expect(help).not.toContain('!modonly');
    expect(help).not.toContain('!title');
    expect(help.endsWith(` … more: ${link}`)).toBe(true);

    const anonymous = new HttpClient(suite.app.baseUrl);
    const page = await anonymous.get<PublicCommandListDto>(
      `/api/public/workspaces/${suite.owner.workspaceId}/commands`,
    );
    expect(page.status).toBe(200);
    expect(page.body.prefix).toBe('!');
    expect(page.body.commands).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'hello', aliases: ['hi'], builtin: false, permission: 'everyone' }),
        expect.objectContaining({ name: 'title', builtin: true, permission: 'moderator' }),
      ]),
    );
    const missing = await anonymous.get(`/api/public/workspaces/${randomUUID()}/commands`);
    expect(missing.status).toBe(404);
  });

  it('answers an auto-response on a word or a whole phrase, without a prefix, with its cooldown', async () => {
    const created = await suite.owner.client.post<AutoResponseDto>(`${bots()}/auto-responses`, {
      matchMode: 'contains',
      terms: ['discord'],
      responses: ['Join us on Discord, {user}'],
      globalCooldownSeconds: 60,
    });
    expect(created.status).toBe(201);
    await suite.owner.client.post(`${bots()}/auto-responses`, {
      matchMode: 'phrase',
      terms: ['good night'],
      responses: ['Sleep well, {user}'],
      globalCooldownSeconds: 0,
    });

    await twitchSays(PIXEL, 'is there a discordant note?');
    await twitchSays(PIXEL, 'is there a Discord?');
    await twitchSays(TIDE, 'discord link please');
    await answered('twitch', 'Join us on Discord, PixelMoth');
    await twitchSays(TIDE, 'good night everyone');
    await twitchSays(TIDE, '  Good   NIGHT ');
    await answered('twitch', 'Sleep well, TideWrangler');
    const auto = (await said('twitch')).filter((t) => t.startsWith('Join us') || t.startsWith('Sleep well'));
    expect(auto).toEqual(['Join us on Discord, PixelMoth', 'Sleep well, TideWrangler']);
  });

  it('evaluates a line in the sandbox without posting, counting or using a cooldown', async () => {
    const before = await said();
    const commands = (await suite.owner.client.get<BotCommandDto[]>(`${bots()}/commands`)).body;
    const hello = commands.find((c) => c.name === 'hello')!;
    const sandbox = (text: string, roles: string[] = [], platform?: string) =>
      suite.owner.client.post<BotSandboxResultDto>(`${bots()}/sandbox`, {
        text,
        roles,
        displayName: 'Tester',
        ...(platform ? { platform } : {}),
      });

    const reply = await sandbox('!hello');
    expect(reply.status).toBe(200);
    expect(reply.body.command).toMatchObject({
      verdict: 'reply',
      source: 'command',
      id: hello.id,
      reply: `Hello Tester! (#${hello.useCount + 1})`,
    });
    expect((await sandbox('!modonly')).body.command.verdict).toBe('not_allowed');
    expect((await sandbox('!modonly', ['moderator'])).body.command.verdict).toBe('reply');
    expect((await sandbox('!nothing')).body.command.verdict).toBe('unknown_command');
    expect((await sandbox('!title x')).body.command).toMatchObject({
      verdict: 'not_allowed',
      source: 'builtin',
    });
    const lurk = (await sandbox('!lurk')).body.command;
    expect(lurk.verdict).toBe('on_cooldown');
    expect(lurk.cooldownRemainingSeconds).toBeGreaterThan(0);
    const auto = (await sandbox('any discord here?')).body;
    expect(auto.command.verdict).toBe('not_a_command');
    expect(auto.autoResponses).toEqual([
      expect.objectContaining({ verdict: 'on_cooldown', source: 'auto_response' }),
    ]);
    expect((await sandbox('good night')).body.autoResponses).toEqual([
      expect.objectContaining({ verdict: 'reply', reply: 'Sleep well, Tester' }),
    ]);

    await sleep(200);
    expect(await said()).toEqual(before);
    const after = (await suite.owner.client.get<BotCommandDto>(`${bots()}/commands/${hello.id}`)).body;
    expect(after.useCount).toBe(hello.useCount);
  });

  it('uses the workspace prefix', async () => {
    const updated = await suite.owner.client.put(`${bots()}/settings`, { prefix: '?' });
    expect(updated.status).toBe(200);
    await twitchSays(PIXEL, '!once');
    await twitchSays(PIXEL, '?ONCE');
    await answered('twitch', 'once, PixelMoth (#2)');
    expect((await said('twitch')).filter((t) => t.startsWith('once,'))).toHaveLength(2);
    expect((await suite.owner.client.put(`${bots()}/settings`, { prefix: '!!' })).status).toBe(400);
    await suite.owner.client.put(`${bots()}/settings`, { prefix: '!' });
  });

  it('refuses bad input with the field at fault and changes nothing', async () => {
    const before = (await suite.owner.client.get<BotCommandDto[]>(`${bots()}/commands`)).body;
    const hello = before.find((c) => c.name === 'hello')!;

    const unknown = randomUUID();
    expect((await suite.owner.client.get(`${bots()}/commands/${unknown}`)).status).toBe(404);
    const patchUnknown = await suite.owner.client.patch<ApiErrorDto>(`${bots()}/commands/${unknown}`, {
      enabled: false,
    });
    expect(patchUnknown.status).toBe(404);
    expect(patchUnknown.body.code).toBe('bots.command_not_found');
    expect((await suite.owner.client.delete(`${bots()}/commands/${unknown}`)).status).toBe(404);
    expect((await suite.owner.client.delete(`${bots()}/auto-responses/${unknown}`)).status).toBe(404);

    const clashAlias = await suite.owner.client.post<ApiErrorDto>(`${bots()}/commands`, {
      name: 'greet',
      aliases: ['HI'],
      responses: ['x'],
    });
    expect(clashAlias.status).toBe(409);
    expect(clashAlias.body).toMatchObject({ code: 'bots.command_name_taken', field: 'aliases' });
    const clashName = await suite.owner.client.post<ApiErrorDto>(`${bots()}/commands`, {
      name: 'hi',
      responses: ['x'],
    });
    expect(clashName.body).toMatchObject({ statusCode: 409, field: 'name' });
    const clashBuiltin = await suite.owner.client.post<ApiErrorDto>(`${bots()}/commands`, {
      name: 'help',
      responses: ['x'],
    });
    expect(clashBuiltin.body).toMatchObject({ statusCode: 409, field: 'name' });
    const renameClash = await suite.owner.client.patch<ApiErrorDto>(`${bots()}/commands/${hello.id}`, {
      aliases: ['once'],
      responses: ['changed'],
    });
    expect(renameClash.status).toBe(409);

    const tooLong = await suite.owner.client.post<ApiErrorDto>(`${bots()}/commands`, {
      name: 'long',
      responses: ['x'.repeat(5000)],
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.issues?.[0]?.field).toMatch(/^responses/);
    const badName = await suite.owner.client.post(`${bots()}/commands`, {
      name: 'no spaces',
      responses: ['x'],
    });
    expect(badName.status).toBe(400);
    const tooLongPatch = await suite.owner.client.patch(`${bots()}/commands/${hello.id}`, {
      responses: ['x'.repeat(5000)],
    });
    expect(tooLongPatch.status).toBe(400);

    const after = (await suite.owner.client.get<BotCommandDto[]>(`${bots()}/commands`)).body;
    expect(after).toEqual(before);

    // A renamed command frees its old names.
    const renamed = await suite.owner.client.patch<BotCommandDto>(`${bots()}/commands/${hello.id}`, {
      name: 'hey',
      aliases: [],
    });
    expect(renamed.status).toBe(200);
    expect(
      (await suite.owner.client.post(`${bots()}/commands`, { name: 'hi', responses: ['x'] })).status,
    ).toBe(201);
  });
});
