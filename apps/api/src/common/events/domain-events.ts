import { EventEmitter } from 'node:events';
import { Injectable, Logger } from '@nestjs/common';
import type { LiveControlDto, LiveStateDto, MeetingPhase, Role, WorkspaceDto } from '@podium/contracts';

/** Every domain event, named `domain.pastTense`, with its payload: the one typed map. */
export interface DomainEventMap {
  'workspace.created': { workspace: WorkspaceDto; ownerUserId: string };
  'workspace.renamed': { workspace: WorkspaceDto };
  'member.roleChanged': { workspaceId: string; userId: string; role: Role };
  'member.joined': { workspaceId: string; userId: string; role: Role };
  'member.removed': { workspaceId: string; userId: string };
  'overlayToken.revoked': { workspaceId: string; tokenId: string };
  /** Settings or questions edited, the run reset (attendees gone) or the meeting deleted. */
  'meeting.changed': { workspaceId: string; meetingId: string; reason: 'edited' | 'reset' | 'deleted' };
  /** A live transition committed; `state` is the organizers' view (quiz answers included). */
  'meeting.stateChanged': {
    workspaceId: string;
    meetingId: string;
    previousPhase: MeetingPhase;
    state: LiveStateDto;
  };
  /** Answers or Q&A of the meeting changed: its results are due on the next tick (a dirty marker). */
  'meeting.resultsChanged': { meetingId: string };
  /** Attendees connected to or left the meeting: organizers' `present` count is due. */
  'meeting.presenceChanged': { meetingId: string };
  /** Quiz points or flag captures changed: the scoreboard and attendees' scores are due. */
  'meeting.scoreboardChanged': { meetingId: string };
  /** Another organizer dashboard took control, or control was released. */
  'meeting.controlChanged': { control: LiveControlDto };
}

export type DomainEventName = keyof DomainEventMap;

/**
 * In-process bus for committed domain events. Publish after the transaction commits; listeners
 * (such as the socket broadcaster) must not throw into the publisher, so failures are logged.
 */
@Injectable()
export class DomainEvents {
  private readonly emitter = new EventEmitter();
  private readonly logger = new Logger(DomainEvents.name);

  publish<E extends DomainEventName>(name: E, payload: DomainEventMap[E]): void {
    for (const listener of this.emitter.listeners(name)) {
      try {
        (listener as (p: DomainEventMap[E]) => void)(payload);
      } catch (error) {
        this.logger.error({ err: error, event: name }, 'domain event listener failed');
      }
    }
  }

  on<E extends DomainEventName>(name: E, listener: (payload: DomainEventMap[E]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
