import type {
  DiscordEmbed,
  DiscordWebhookMessage,
  WebhookDeliveryEventType,
  WebhookEventEnvelope,
  WebhookEventDataMap,
} from '@podium/contracts';

/** Discord's limits (characters). */
const CONTENT_MAX = 2000;
const TITLE_MAX = 256;
const DESCRIPTION_MAX = 4096;
const FIELD_NAME_MAX = 256;
const FIELD_VALUE_MAX = 1024;
const FIELDS_MAX = 25;

const COLORS = {
  redeem: 0x9146ff,
  success: 0x2ecc71,
  warning: 0xe67e22,
  danger: 0xe74c3c,
  info: 0x3498db,
  stream: 0xff0000,
} as const;

type Field = DiscordEmbed['fields'][number];

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Chat text is data: stop it from pinging @everyone or forming links and markdown. */
export function escapeDiscord(text: string): string {
  return text
    .replace(/([\\*_~`|>[\]()])/g, '\\$1')
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<@/g, '<\u200b@');
}

function field(name: string, value: string | number | null | undefined, inline = true): Field[] {
  if (value === null || value === undefined || value === '') return [];
  return [{ name: clip(name, FIELD_NAME_MAX), value: clip(String(value), FIELD_VALUE_MAX), inline }];
}

interface Parts {
  content: string;
  title: string;
  description?: string;
  color: number;
  fields: Field[];
}

function platformEventParts(
  data: WebhookEventDataMap['viewer.followed'],
  verb: string,
  title: string,
  color: number,
): Parts {
  const { event } = data;
  const who = escapeDiscord(event.viewer?.displayName ?? 'Someone');
  const money = event.amounts?.money;
  return {
    content: `${who} ${verb}`,
    title,
    description: event.text ? escapeDiscord(event.text) : undefined,
    color,
    fields: [
      ...field('Platform', event.platform),
      ...(money ? field('Amount', `${money.amount} ${money.currency}`) : []),
      ...field('Bits', event.amounts?.bits),
      ...field('Tier', event.amounts?.tier),
      ...field('Months', event.amounts?.months),
    ],
  };
}

function partsOf(envelope: WebhookEventEnvelope): Parts {
  const type: WebhookDeliveryEventType = envelope.type;
  switch (type) {
    case 'redeem.created':
    case 'redeem.fulfilled':
    case 'redeem.refunded': {
      const { redemption } = envelope.data as WebhookEventDataMap['redeem.created'];
      const verb = {
        'redeem.created': 'redeemed',
        'redeem.fulfilled': 'got',
        'redeem.refunded': 'was refunded for',
      }[type];
      const who = escapeDiscord(redemption.viewer.displayName);
      const reward = escapeDiscord(redemption.reward.name);
      return {
        content: `${who} ${verb} ${reward}`,
        title: {
          'redeem.created': 'New redeem',
          'redeem.fulfilled': 'Redeem fulfilled',
          'redeem.refunded': 'Redeem refunded',
        }[type],
        description: redemption.note ? escapeDiscord(redemption.note) : undefined,
        color:
          type === 'redeem.refunded'
            ? COLORS.warning
            : type === 'redeem.fulfilled'
              ? COLORS.success
              : COLORS.redeem,
        fields: [...field('Reward', reward), ...field('Viewer', who), ...field('Points', redemption.spent)],
      };
    }
    case 'goal.reached': {
      const { goal } = envelope.data as WebhookEventDataMap['goal.reached'];
      const name = escapeDiscord(goal.name);
      return {
        content: `Goal reached: ${name}!`,
        title: 'Goal reached',
        description: name,
        color: COLORS.success,
        fields: [...field('Progress', goal.progress), ...field('Round', goal.round)],
      };
    }
    case 'vote.closed': {
      const { vote } = envelope.data as WebhookEventDataMap['vote.closed'];
      const name = escapeDiscord(vote.name);
      const ranked = [...vote.options].sort((a, b) => b.votes - a.votes);
      const winner = ranked[0];
      return {
        content: winner
          ? `Vote closed: ${name}. Winner: ${escapeDiscord(winner.label)}`
          : `Vote closed: ${name}`,
        title: 'Vote closed',
        description: name,
        color: COLORS.info,
        fields: ranked.slice(0, FIELDS_MAX - 1).flatMap((o) => field(escapeDiscord(o.label), o.votes)),
      };
    }
    case 'question.opened':
    case 'question.closed': {
      const data = envelope.data as WebhookEventDataMap['question.opened'];
      const title = type === 'question.opened' ? 'Question opened' : 'Question closed';
      const prompt = data.question ? escapeDiscord(data.question.title) : 'A question';
      return {
        content: `${title}: ${prompt}`,
        title,
        description: prompt,
        color: type === 'question.opened' ? COLORS.info : COLORS.warning,
        fields: field('Question', data.questionIndex === null ? null : data.questionIndex + 1),
      };
    }
    case 'revolution.fired': {
      const { revolution } = envelope.data as WebhookEventDataMap['revolution.fired'];
      const name = escapeDiscord(revolution.name);
      return {
        content: `Revolution! ${name}`,
        title: 'Revolution fired',
        description: name,
        color: COLORS.danger,
        fields: [
          ...field('Trigger', escapeDiscord(revolution.trigger)),
          ...field('Viewers', revolution.count),
        ],
      };
    }
    case 'viewer.followed':
      return platformEventParts(
        envelope.data as WebhookEventDataMap['viewer.followed'],
        'followed',
        'New follower',
        COLORS.info,
      );
    case 'viewer.subscribed':
      return platformEventParts(
        envelope.data as WebhookEventDataMap['viewer.subscribed'],
        'subscribed',
        'New subscriber',
        COLORS.redeem,
      );
    case 'viewer.donated':
      return platformEventParts(
        envelope.data as WebhookEventDataMap['viewer.donated'],
        'donated',
        'Donation',
        COLORS.success,
      );
    case 'stream.started': {
      const { event } = envelope.data as WebhookEventDataMap['stream.started'];
      return {
        content: 'The stream is live!',
        title: 'Stream started',
        description: event.text ? escapeDiscord(event.text) : undefined,
        color: COLORS.stream,
        fields: field('Platform', event.platform),
      };
    }
    case 'stream.ended': {
      const { event } = envelope.data as WebhookEventDataMap['stream.ended'];
      return {
        content: 'The stream ended.',
        title: 'Stream ended',
        color: COLORS.info,
        fields: field('Platform', event.platform),
      };
    }
    case 'meeting.ended': {
      const data = envelope.data as WebhookEventDataMap['meeting.ended'];
      const title = data.meetingTitle ? escapeDiscord(data.meetingTitle) : 'A meeting';
      return {
        content: `${title} ended.`,
        title: 'Meeting ended',
        description: title,
        color: COLORS.info,
        fields: [],
      };
    }
    case 'webhook.test': {
      const data = envelope.data as WebhookEventDataMap['webhook.test'];
      return { content: escapeDiscord(data.message), title: 'Podium test', color: COLORS.info, fields: [] };
    }
  }
}

/** An event as Discord's "execute webhook" body: a line of text and one embed. */
export function toDiscordMessage(envelope: WebhookEventEnvelope): DiscordWebhookMessage {
  const parts = partsOf(envelope);
  const embed: DiscordEmbed = {
    title: clip(parts.title, TITLE_MAX),
    color: parts.color,
    fields: parts.fields.slice(0, FIELDS_MAX),
    timestamp: envelope.createdAt,
  };
  if (parts.description) embed.description = clip(parts.description, DESCRIPTION_MAX);
  return { content: clip(parts.content, CONTENT_MAX), embeds: [embed], allowed_mentions: { parse: [] } };
}
