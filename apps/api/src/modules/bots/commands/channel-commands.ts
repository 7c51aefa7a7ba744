import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConnectionsService } from '../../chat/connections/connections.service';
import type { ConnectionRecord } from '../../chat/platform-adapter';
import { TwitchClients } from '../../integrations/twitch/twitch-clients';
import type { ChatStageContext } from '../chat-stages';
import { BuiltinCommands } from './builtin-commands';

/** Titles longer than this are refused by Twitch. */
const TITLE_MAX = 140;

/**
 * Moderator built-ins that act on the Twitch channel: `!title`, `!game`, `!so`. They use the
 * Twitch connection the message came from or, from another platform, the workspace's Twitch
 * connections. Whatever Twitch answers is said in chat, never thrown: a failed Helix call must not
 * make the chat pipeline retry the message.
 */
@Injectable()
export class ChannelCommands implements OnModuleInit {
  private readonly logger = new Logger(ChannelCommands.name);

  constructor(
    private readonly builtins: BuiltinCommands,
    private readonly connections: ConnectionsService,
    private readonly twitch: TwitchClients,
  ) {}

  onModuleInit(): void {
    this.builtins.register({
      name: 'title',
      permission: 'moderator',
      description: 'Sets the Twitch stream title: !title <text>',
      run: (context, args) => this.title(context, args),
    });
    this.builtins.register({
      name: 'game',
      aliases: ['category'],
      permission: 'moderator',
      description: 'Sets the Twitch stream category: !game <name>',
      run: (context, args) => this.game(context, args),
    });
    this.builtins.register({
      name: 'so',
      aliases: ['shoutout'],
      permission: 'moderator',
      description: 'Gives a shoutout: !so <user>',
      run: (context, args) => this.shoutout(context, args),
    });
  }

  private async title(context: ChatStageContext, args: string): Promise<void> {
    const title = args.trim();
    if (!title) return context.reply('Usage: !title <new stream title>', 'title:usage');
    if ([...title].length > TITLE_MAX)
      return context.reply(`A title can be at most ${TITLE_MAX} characters.`, 'title:too-long');
    const channels = await this.twitchChannels(context);
    if (channels.length === 0) return context.reply('No Twitch channel is connected.', 'title:none');
    for (const channel of channels) {
      try {
        this.twitch.useTokens(channel);
        await this.twitch.api.channels.updateChannelInfo(channel.accountId, { title });
        await context.reply(`Title set to: ${title}`, `title:${channel.id}`);
      } catch (error) {
        await context.reply(`Could not set the title: ${this.reason(error, channel)}`, `title:${channel.id}`);
      }
    }
  }

  private async game(context: ChatStageContext, args: string): Promise<void> {
    const name = args.trim();
    if (!name) return context.reply('Usage: !game <category name>', 'game:usage');
    const channels = await this.twitchChannels(context);
    if (channels.length === 0) return context.reply('No Twitch channel is connected.', 'game:none');
    for (const channel of channels) {
      try {
        this.twitch.useTokens(channel);
        const api = this.twitch.api;
        const game =
          (await api.games.getGameByName(name)) ?? (await api.search.searchCategories(name)).data[0] ?? null;
        if (!game) {
          await context.reply(`No Twitch category matches "${name}".`, `game:${channel.id}`);
          continue;
        }
        await api.channels.updateChannelInfo(channel.accountId, { gameId: game.id });
        await context.reply(`Category set to: ${game.name}`, `game:${channel.id}`);
      } catch (error) {
        await context.reply(
          `Could not set the category: ${this.reason(error, channel)}`,
          `game:${channel.id}`,
        );
      }
    }
  }

  private async shoutout(context: ChatStageContext, args: string): Promise<void> {
    const target = args.trim().split(/\s+/)[0]?.replace(/^@/, '') ?? '';
    if (!target) return context.reply('Usage: !so <user>', 'so:usage');
    const link = context.event.platform === 'twitch' ? ` at https://twitch.tv/${target.toLowerCase()}` : '';
    await context.reply(`Check out ${target}${link}! Go give them some love.`, 'so:message');
    if (context.event.platform !== 'twitch' || !/^\w{1,25}$/.test(target)) return;
    const channel = await this.connections.record(context.event.connectionId);
    if (!channel || !(await context.once('so:helix'))) return;
    try {
      this.twitch.useTokens(channel);
      const user = await this.twitch.api.users.getUserByName(target);
      if (!user) return context.reply(`${target} is not a Twitch user.`, 'so:helix-result');
      await this.twitch.api.chat.shoutoutUser(channel.accountId, user.id);
    } catch (error) {
      await context.reply(`Twitch refused the shoutout: ${this.reason(error, channel)}`, 'so:helix-result');
    }
  }

  /** The message's own Twitch connection, or (from elsewhere) every Twitch connection of the workspace. */
  private async twitchChannels(context: ChatStageContext): Promise<ConnectionRecord[]> {
    const { event } = context;
    if (event.platform === 'twitch') {
      const own = await this.connections.record(event.connectionId);
      return own ? [own] : [];
    }
    return (await this.connections.forWorkspace(event.workspaceId)).filter(
      (connection) => connection.platform === 'twitch',
    );
  }

  /** A short, safe reason for chat; the details go to the log. */
  private reason(error: unknown, channel: ConnectionRecord): string {
    this.logger.warn({ err: error, connectionId: channel.id }, 'a Twitch channel command failed');
    // twurple's HttpStatusCodeError (not exported by @twurple/api) carries `statusCode` and `body`.
    if (typeof error === 'object' && error !== null && 'statusCode' in error) {
      let message = '';
      try {
        const body = 'body' in error && typeof error.body === 'string' ? error.body : '';
        message = String((JSON.parse(body) as { message?: unknown }).message ?? '');
      } catch {
        message = '';
      }
      return `Twitch answered ${String(error.statusCode)}${message ? ` (${message.slice(0, 120)})` : ''}`;
    }
    if (error instanceof Error && /scope/i.test(error.message))
      return 'the Twitch connection lacks the permission; reconnect Twitch';
    return 'Twitch could not be reached';
  }
}
