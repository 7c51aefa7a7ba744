import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../../common/events/domain-events';
import { rooms } from '../../realtime/rooms';
import { stateFor } from './live-state.mapper';
import { MeetingsLiveGateway } from './meetings-live.gateway';
import { ResultsTicker } from './results-ticker';
import { ScoreboardTicker } from './scoreboard-ticker';

/**
 * Turns committed live events into socket pushes, per audience: organizers get the full question,
 * attendees and overlays the public one. Results and scores go through their tickers.
 */
@Injectable()
export class MeetingsLiveBroadcaster implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: MeetingsLiveGateway,
    private readonly results: ResultsTicker,
    private readonly scoreboard: ScoreboardTicker,
  ) {}

  onModuleInit(): void {
    const io = () => this.gateway.server;
    this.unsubscribe.push(
      this.events.on('meeting.stateChanged', ({ workspaceId, meetingId, previousPhase, state }) => {
        io().to(rooms.meetingOrganizers(meetingId)).emit('meeting.state', state);
        // Attendees and overlays see the same public state: one mapping, one emit (with the final
        // results when the state shows them).
        this.results.pushPublicState(stateFor('attendee', state));
        // Overlays following "the live meeting" re-join when one starts or ends.
        if (previousPhase === 'before' || state.phase === 'after') {
          io().to(rooms.overlay(workspaceId)).emit('meeting.changed', { meetingId });
        }
      }),
      this.events.on('meeting.controlChanged', ({ control }) => {
        io().to(rooms.meetingOrganizers(control.meetingId)).emit('meeting.control', control);
      }),
      this.events.on('meeting.resultsChanged', ({ meetingId }) => this.results.markResults(meetingId)),
      this.events.on('meeting.presenceChanged', ({ meetingId }) => this.results.markPresence(meetingId)),
      this.events.on('meeting.scoreboardChanged', ({ meetingId }) => this.scoreboard.mark(meetingId)),
      this.events.on('meeting.changed', ({ meetingId, reason }) => {
        if (reason === 'edited') return;
        // Reset or deleted: what the tickers remember of the meeting is void.
        this.results.forget(meetingId);
        this.scoreboard.forget(meetingId);
      }),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }
}
