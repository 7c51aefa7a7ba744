import { Injectable } from '@nestjs/common';
import type { RewardEligibility, ViewerRole } from '@podium/contracts';
import { isEligible, type ViewerFacts } from '@podium/redeems';
import { ChatLogService } from '../chat/events/chat-log.service';
import { KofiService } from '../integrations/kofi/kofi.service';

/** Gathers what eligibility needs about a viewer (outside any transaction) and applies the rule. */
@Injectable()
export class RedeemEligibility {
  constructor(
    private readonly chat: ChatLogService,
    private readonly kofi: KofiService,
  ) {}

  /** `roles`: the roles on the message being answered, if any (they count with the stored ones). */
  async allows(
    eligibility: RewardEligibility,
    workspaceId: string,
    viewerId: string,
    roles: readonly ViewerRole[] = [],
  ): Promise<boolean> {
    if (eligibility === 'everyone') return true;
    return isEligible(
      eligibility,
      await this.facts(workspaceId, viewerId, roles, eligibility === 'kofi_supporters'),
    );
  }

  /** What chat (and Ko-fi, when asked) know about the viewer. */
  async facts(
    workspaceId: string,
    viewerId: string,
    roles: readonly ViewerRole[] = [],
    withKofi = true,
  ): Promise<ViewerFacts> {
    const facts = await this.chat.viewerFacts(workspaceId, viewerId);
    return {
      roles: [...new Set([...roles, ...(facts.roles as ViewerRole[])])],
      followed: facts.followed,
      subscribed: facts.subscribed,
      kofiSupporter: withKofi ? await this.kofi.isSupporter(workspaceId, viewerId) : false,
      owncastAuthenticated: facts.owncastAuthenticated,
    };
  }
}
