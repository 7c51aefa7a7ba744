import { Injectable } from '@nestjs/common';
import type { LiveControlDto } from '@podium/contracts';
import { DomainEvents } from '../../../common/events/domain-events';
import type { Actor } from '../../auth/auth.service';
import { LiveAccess } from './live-access.service';
import { LiveStateRepository } from './live-state.repository';

/**
 * Which dashboard tab drives a meeting. One tab at a time: the first moderator tab to open the
 * meeting takes it when free, another takes it over explicitly, and it is freed when the tab goes.
 */
@Injectable()
export class LiveControlService {
  constructor(
    private readonly state: LiveStateRepository,
    private readonly access: LiveAccess,
    private readonly events: DomainEvents,
  ) {}

  /** When nobody holds control; the caller checked the moderator role. True when this tab holds it. */
  async claimIfFree(actor: Actor, meetingId: string, clientId: string): Promise<boolean> {
    const before = await this.state.control(meetingId);
    const held = await this.state.claimControl(meetingId, actor.userId, clientId);
    if (held && before?.controllerClientId !== clientId) await this.announce(meetingId);
    return held;
  }

  async take(actor: Actor, meetingId: string, clientId: string): Promise<LiveControlDto> {
    await this.access.organizer(actor, meetingId, 'moderator');
    await this.state.setControl(meetingId, actor.userId, clientId);
    return this.announce(meetingId);
  }

  /** Frees control if `clientId` still holds it. */
  async release(meetingId: string, clientId: string): Promise<void> {
    if (await this.state.releaseControl(meetingId, clientId)) await this.announce(meetingId);
  }

  async control(meetingId: string): Promise<LiveControlDto> {
    const row = await this.state.control(meetingId);
    return {
      meetingId,
      controllerUserId: row?.controllerUserId ?? null,
      controllerName: row?.controllerName ?? null,
      controllerClientId: row?.controllerClientId ?? null,
    };
  }

  private async announce(meetingId: string): Promise<LiveControlDto> {
    const control = await this.control(meetingId);
    this.events.publish('meeting.controlChanged', { control });
    return control;
  }
}
