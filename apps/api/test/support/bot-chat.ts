import { randomUUID } from 'node:crypto';
import type { BotCommandDto, CreateBotCommandRequest } from '@podium/contracts';
import type { FakeTwitch, FakeTwitchUser } from '@podium/fakes';
import { sleep, until } from './live-harness';
import type { TestSuite } from './test-suite';
import { twitchFixture } from './twitch-connect';

export { OWNCAST_TOKEN, PUBLIC_URL } from './chat-platforms';
export const PIXEL: FakeTwitchUser = { id: '581204977', login: 'pixelmoth', displayName: 'PixelMoth' };
export const MOD: FakeTwitchUser = { id: '271828182', login: 'keeperofkeys', displayName: 'KeeperOfKeys' };
export const TIDE: FakeTwitchUser = { id: '415926535', login: 'tidewrangler', displayName: 'TideWrangler' };
export const NIGHT_OWL = { channelId: 'UCviewerFixture0000000001', displayName: 'NightOwl' };
export const SPONSOR = {
  channelId: 'UCviewerFixture0000000002',
  displayName: 'GoldLeaf',
  isChatSponsor: true,
};
const twitchChat = twitchFixture('notification.channel.chat.message.plain').body.event;

/**
 * Chat lines to a suite's workspace bots and what they answered. `fakeTwitch` is read when a
 * viewer speaks (the fake starts in the suite's `beforeAll`).
 */
export function botChatHelpers(suite: TestSuite, fakeTwitch: () => FakeTwitch) {
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const bots = () => `${ws()}/bots`;

  /** Everything the bots queued to say, per platform, oldest first. */
  const said = async (platform?: string) =>
    (
      await suite.db.query<{ platform: string; text: string }>(
        `select c.platform, o.text from chat_outbox o join platform_connections c on c.id = o.connection_id
         where o.workspace_id = $1 order by o.seq`,
        [suite.owner.workspaceId],
      )
    )
      .filter((row) => platform === undefined || row.platform === platform)
      .map((row) => row.text);
  const twitchSays = async (
    user: FakeTwitchUser,
    text: string,
    badges: string[] = user === MOD ? ['moderator'] : [],
    messageId: string = randomUUID(),
  ) =>
    fakeTwitch().deliver('channel.chat.message', {
      ...twitchChat,
      message_id: messageId,
      chatter_user_id: user.id,
      chatter_user_login: user.login,
      chatter_user_name: user.displayName,
      badges: badges.map((set_id) => ({ set_id, id: '1', info: '' })),
      message: { text, fragments: [{ type: 'text', text, cheermote: null, emote: null, mention: null }] },
    });
  const createCommand = async (body: CreateBotCommandRequest) => {
    const created = await suite.owner.client.post<BotCommandDto>(`${bots()}/commands`, body);
    expect(created.status).toBe(201);
    return created.body;
  };
  /** Waits for `text` on a platform, then a little longer so that anything wrongly queued shows up. */
  const answered = async (platform: string, text: string) => {
    await until(`"${text}" on ${platform}`, async () => (await said(platform)).includes(text), 10_000);
    await sleep(300);
  };

  return { ws, bots, said, twitchSays, createCommand, answered };
}
