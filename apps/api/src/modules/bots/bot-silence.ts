import { Injectable, Logger } from '@nestjs/common';

/** Whether a workspace wants the bot quiet right now (say, points' passive mode). */
export type SilencePredicate = (workspaceId: string) => Promise<boolean>;

/**
 * When the bot keeps quiet in a workspace. Modules that BotsModule must not import (points imports
 * bots) register a predicate at init; the bot's speakers (commands, auto-responses, announcements,
 * event-alert and revolution chat lines, stream-question posts) ask `isSilent` before talking.
 * Moderation is not the bot talking: it still acts. Built-ins flagged `speaksWhenSilent` (`!points`)
 * still answer.
 */
@Injectable()
export class BotSilence {
  private readonly logger = new Logger(BotSilence.name);
  private readonly predicates: SilencePredicate[] = [];

  /** Adds a reason to keep quiet; returns the function that removes it again. */
  silenceWhen(predicate: SilencePredicate): () => void {
    this.predicates.push(predicate);
    return () => {
      const index = this.predicates.indexOf(predicate);
      if (index >= 0) this.predicates.splice(index, 1);
    };
  }

  /** True when any registered reason asks for silence in this workspace. */
  async isSilent(workspaceId: string): Promise<boolean> {
    for (const predicate of this.predicates) {
      if (await predicate(workspaceId)) {
        this.logger.debug({ workspaceId }, 'bot silent');
        return true;
      }
    }
    return false;
  }
}
