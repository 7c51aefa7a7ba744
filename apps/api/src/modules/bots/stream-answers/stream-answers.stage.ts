import { Injectable, type OnModuleInit } from '@nestjs/common';
import { parseChatAnswer } from '@podium/bots';
import type { Platform, ParticipantPlatform } from '@podium/contracts';
import { ChatParticipantsService } from '../../meetings/live/chat-participants.service';
import { BotEffectsRepository } from '../bot-effects.repository';
import { type ChatStage, type ChatStageContext, type ChatStageVerdict, ChatStages } from '../chat-stages';
import { BotSettingsService } from '../settings/bot-settings.service';

/**
 * Stream questions (order 20): a chat line that answers the open question of a running stream (or
 * both) meeting is submitted through the meetings' answer path, once per event. Silent either way:
 * a reply per answer would flood the chat, and a wrong or late answer is simply not counted.
 */
@Injectable()
export class StreamAnswersStage implements ChatStage, OnModuleInit {
  readonly name = 'stream-answers';
  readonly order = 20;

  constructor(
    private readonly stages: ChatStages,
    private readonly participants: ChatParticipantsService,
    private readonly effects: BotEffectsRepository,
    private readonly settings: BotSettingsService,
  ) {}

  onModuleInit(): void {
    this.stages.register(this);
  }

  async handle({ event, shared }: ChatStageContext): Promise<ChatStageVerdict> {
    const platform = participantPlatform(event.platform);
    // In-room attendees answer on their phones; a line without a viewer row has nobody to score.
    if (!platform || !event.viewerId) return 'continue';
    // Shared by the batch: its answers are checked against the question again when written.
    const open = await shared(`stream-answers:open:${event.workspaceId}`, () =>
      this.participants.openForChat(event.workspaceId),
    );
    if (open.length === 0) return 'continue';
    const prefix = await this.settings.prefix(event.workspaceId);
    const answerer = { viewerId: event.viewerId, platform, displayName: event.viewer.displayName };
    for (const { meetingId, chat, question } of open) {
      const input = parseChatAnswer(question, event.text, { prefix, wordCloud: chat.wordCloud });
      if (!input) continue;
      // Claimed in the answer's own transaction: a retried event neither answers twice nor loses it.
      await this.participants.answer(meetingId, question.id, answerer, input, (tx) =>
        this.effects.claim(tx, event.id, `stream-answer:${question.id}`),
      );
    }
    return 'continue';
  }
}

function participantPlatform(platform: Platform): ParticipantPlatform | null {
  return platform === 'inroom' ? null : platform;
}
