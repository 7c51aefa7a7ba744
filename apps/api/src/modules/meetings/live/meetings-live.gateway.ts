import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  type Ack,
  type LiveControlDto,
  type LiveStateDto,
  type MeetingSnapshotDto,
  type MyAnswerDto,
  roleAtLeast,
  SOCKET_PATH,
} from '@podium/contracts';
import { DomainEvents } from '../../../common/events/domain-events';
import { AuthErrorCode, AuthException } from '../../auth/auth.exception';
import { type Actor, AuthService, toActor } from '../../auth/auth.service';
import { rooms } from '../../realtime/rooms';
import { ServerDrain } from '../../realtime/server-drain';
import type { PodiumServer, PodiumSocket } from '../../realtime/socket-data';
import { AnswersService } from './answers.service';
import { type CapturedFlag, FlagCaptureService } from './flag-capture.service';
import { type AttendeeViewer, LiveAccess, type LiveViewer } from './live-access.service';
import { LiveControlService } from './live-control.service';
import { LiveSnapshotService } from './live-snapshot.service';
import { LiveSocketSchemas } from './live-socket.schemas';
import { LiveErrorCode, LiveException } from './live.exception';
import { LiveService } from './live.service';
import { Presence } from './presence';
import { QaService } from './qa.service';
import { ackOf, parsePayload } from './socket-ack';

/**
 * The live events of meetings. Same path as RealtimeGateway, so Nest hands both the one server:
 * the handshake there has already set `socket.data`. Each handler validates its payload, calls one
 * service and acks `{ ok, data | error }`; nothing here decides a rule.
 */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
export class MeetingsLiveGateway implements OnGatewayInit, OnGatewayDisconnect, OnModuleDestroy {
  @WebSocketServer()
  server!: PodiumServer;

  private readonly logger = new Logger(MeetingsLiveGateway.name);

  /** Organizer sockets' accounts, loaded once per socket. */
  private readonly actors = new Map<string, Actor>();
  /** Per socket: the meetings it opened as a dashboard tab, with that tab's clientId. */
  private readonly tabs = new Map<string, Map<string, string>>();
  /** Shutting down: sockets drop because the server goes, not their tabs; control stays for their return. */
  private closing = false;

  constructor(
    private readonly access: LiveAccess,
    private readonly snapshots: LiveSnapshotService,
    private readonly live: LiveService,
    private readonly control: LiveControlService,
    private readonly answers: AnswersService,
    private readonly qa: QaService,
    private readonly flags: FlagCaptureService,
    private readonly auth: AuthService,
    private readonly events: DomainEvents,
    private readonly drain: ServerDrain,
    private readonly presence: Presence,
  ) {}

  afterInit(server: PodiumServer): void {
    this.presence.answerOthers(server);
  }

  @SubscribeMessage('meeting.join')
  join(
    @ConnectedSocket() socket: PodiumSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<MeetingSnapshotDto>> {
    return ackOf(
      async () => {
        const { meetingId, clientId } = parsePayload(LiveSocketSchemas.join, body);
        const viewer = await this.viewerOf(socket);
        const admission = await this.access.meetingFor(viewer, meetingId);
        const { meeting, role } = admission;
        // Rooms first, snapshot second: a push in between is older than the snapshot, not lost.
        await this.enterRooms(socket, viewer, meeting.id);
        if (viewer.audience === 'organizer' && clientId) {
          const mayControl = role !== null && roleAtLeast(role, 'moderator');
          await this.openTab(socket, viewer.actor, meeting.id, clientId, mayControl);
        }
        if (viewer.audience === 'attendee') {
          // Gone while joining: handleDisconnect has run already and would not take it out again.
          if (socket.connected) this.presence.enter(socket.id, meeting.id, viewer.attendeeId);
          this.events.publish('meeting.presenceChanged', { meetingId: meeting.id });
        }
        const present =
          viewer.audience === 'organizer' ? await this.presence.count(this.server, meeting.id) : 0;
        return this.snapshots.snapshot({ viewer, ...admission }, present);
      },
      this.context(socket, 'meeting.join'),
    );
  }

  @SubscribeMessage('meeting.leave')
  async leave(@ConnectedSocket() socket: PodiumSocket, @MessageBody() body: unknown): Promise<Ack<null>> {
    return ackOf(
      async () => {
        const { meetingId } = parsePayload(LiveSocketSchemas.leave, body);
        for (const room of [...socket.rooms]) {
          if (
            room.startsWith('meeting:') &&
            (meetingId === 'live' || room.startsWith(`meeting:${meetingId}:`))
          ) {
            await socket.leave(room);
          }
        }
        await this.leaveTabs(socket, meetingId === 'live' ? undefined : meetingId);
        if (socket.data.audience === 'attendee') {
          this.presence.leave(socket.id);
          this.events.publish('meeting.presenceChanged', { meetingId: socket.data.meetingId });
        }
        return null;
      },
      this.context(socket, 'meeting.leave'),
    );
  }

  @SubscribeMessage('meeting.command')
  command(@ConnectedSocket() socket: PodiumSocket, @MessageBody() body: unknown): Promise<Ack<LiveStateDto>> {
    return ackOf(
      async () => {
        const { meetingId, command, expectedVersion } = parsePayload(LiveSocketSchemas.command, body);
        const actor = await this.organizerOf(socket);
        const clientId = this.tabs.get(socket.id)?.get(meetingId);
        return this.live.command(actor, meetingId, clientId, command, expectedVersion);
      },
      this.context(socket, 'meeting.command'),
    );
  }

  @SubscribeMessage('meeting.takeControl')
  takeControl(
    @ConnectedSocket() socket: PodiumSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<LiveControlDto>> {
    return ackOf(
      async () => {
        const { meetingId, clientId } = parsePayload(LiveSocketSchemas.takeControl, body);
        const actor = await this.organizerOf(socket);
        const control = await this.control.take(actor, meetingId, clientId);
        await socket.join([rooms.meetingOrganizers(meetingId), rooms.meetingClient(meetingId, clientId)]);
        this.tabsOf(socket).set(meetingId, clientId);
        return control;
      },
      this.context(socket, 'meeting.takeControl'),
    );
  }

  @SubscribeMessage('answer.submit')
  submit(
    @ConnectedSocket() socket: PodiumSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ myAnswer: MyAnswerDto }>> {
    return ackOf(
      async () => {
        const { questionId, answer } = parsePayload(LiveSocketSchemas.answer, body);
        return { myAnswer: await this.answers.submit(this.attendeeOf(socket), questionId, answer) };
      },
      this.context(socket, 'answer.submit'),
    );
  }

  @SubscribeMessage('qa.ask')
  ask(
    @ConnectedSocket() socket: PodiumSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ entryId: string }>> {
    return ackOf(
      async () => {
        const request = parsePayload(LiveSocketSchemas.qaAsk, body);
        return this.qa.ask(this.attendeeOf(socket), request);
      },
      this.context(socket, 'qa.ask'),
    );
  }

  @SubscribeMessage('qa.upvote')
  upvote(
    @ConnectedSocket() socket: PodiumSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ upvotes: number }>> {
    return ackOf(
      async () => {
        const { entryId } = parsePayload(LiveSocketSchemas.qaUpvote, body);
        return this.qa.upvote(this.attendeeOf(socket), entryId);
      },
      this.context(socket, 'qa.upvote'),
    );
  }

  @SubscribeMessage('qa.moderate')
  moderate(@ConnectedSocket() socket: PodiumSocket, @MessageBody() body: unknown): Promise<Ack<null>> {
    return ackOf(
      async () => {
        const { meetingId, ...change } = parsePayload(LiveSocketSchemas.qaModerate, body);
        await this.qa.moderate(await this.organizerOf(socket), meetingId, change);
        return null;
      },
      this.context(socket, 'qa.moderate'),
    );
  }

  @SubscribeMessage('flag.capture')
  capture(@ConnectedSocket() socket: PodiumSocket, @MessageBody() body: unknown): Promise<Ack<CapturedFlag>> {
    return ackOf(
      async () => {
        const { code } = parsePayload(LiveSocketSchemas.flagCapture, body);
        return this.flags.capture(this.attendeeOf(socket), code);
      },
      this.context(socket, 'flag.capture'),
    );
  }

  /** A dashboard tab that goes away frees control, unless another socket of the same tab is still there. */
  async handleDisconnect(socket: PodiumSocket): Promise<void> {
    this.actors.delete(socket.id);
    this.presence.leave(socket.id);
    // A drain sends sockets to another replica: their tabs are coming back, not leaving.
    if (this.closing || this.drain.draining) return;
    // socket.data is unset when the handshake refused the socket.
    if (socket.data?.audience === 'attendee') {
      this.events.publish('meeting.presenceChanged', { meetingId: socket.data.meetingId });
    }
    try {
      await this.leaveTabs(socket, undefined);
    } catch (error) {
      // Control then stays with the gone tab until someone takes it over: say so, do not crash.
      this.logger.error({ err: error, socketId: socket.id }, 'could not release meeting control');
    }
  }

  onModuleDestroy(): void {
    this.closing = true;
  }

  /** The socket is dashboard tab `clientId`: it takes control when free and the role allows it. */
  private async openTab(
    socket: PodiumSocket,
    actor: Actor,
    meetingId: string,
    clientId: string,
    mayControl: boolean,
  ): Promise<void> {
    await socket.join(rooms.meetingClient(meetingId, clientId));
    this.tabsOf(socket).set(meetingId, clientId);
    if (mayControl) await this.control.claimIfFree(actor, meetingId, clientId);
    // Gone while joining: handleDisconnect has run already and could not free what we just took.
    if (!socket.connected) await this.leaveTabs(socket, meetingId);
  }

  private async leaveTabs(socket: PodiumSocket, meetingId: string | undefined): Promise<void> {
    const tabs = this.tabs.get(socket.id);
    if (!tabs) return;
    for (const [tabMeetingId, clientId] of [...tabs]) {
      if (meetingId !== undefined && tabMeetingId !== meetingId) continue;
      tabs.delete(tabMeetingId);
      await socket.leave(rooms.meetingClient(tabMeetingId, clientId));
      // A reconnected tab already has its new socket in the room: it keeps control.
      const others = await this.server.in(rooms.meetingClient(tabMeetingId, clientId)).fetchSockets();
      if (others.every((other) => other.id === socket.id)) await this.control.release(tabMeetingId, clientId);
    }
    if (tabs.size === 0) this.tabs.delete(socket.id);
  }

  private async enterRooms(socket: PodiumSocket, viewer: LiveViewer, meetingId: string): Promise<void> {
    switch (viewer.audience) {
      case 'organizer':
        return socket.join(rooms.meetingOrganizers(meetingId));
      case 'attendee':
        return socket.join(rooms.meetingAttendees(meetingId));
      case 'overlay':
        // An overlay shows one meeting: following "live" onto the next one leaves the last.
        for (const room of [...socket.rooms]) {
          if (room.startsWith('meeting:') && room !== rooms.meetingOverlays(meetingId))
            await socket.leave(room);
        }
        return socket.join(rooms.meetingOverlays(meetingId));
    }
  }

  private async viewerOf(socket: PodiumSocket): Promise<LiveViewer> {
    const data = socket.data;
    switch (data.audience) {
      case 'organizer':
        return { audience: 'organizer', actor: await this.organizerOf(socket) };
      case 'attendee':
        return this.attendeeOf(socket);
      case 'overlay':
        return { audience: 'overlay', workspaceId: data.workspaceId };
    }
  }

  private async organizerOf(socket: PodiumSocket): Promise<Actor> {
    const data = socket.data;
    if (data.audience !== 'organizer') throw wrongAudience();
    const cached = this.actors.get(socket.id);
    if (cached) return cached;
    const user = await this.auth.findUser(data.userId);
    if (!user) throw new AuthException(AuthErrorCode.Unauthenticated, 'Sign in again');
    const actor = toActor(user);
    if (socket.connected) this.actors.set(socket.id, actor);
    return actor;
  }

  private attendeeOf(socket: PodiumSocket): AttendeeViewer {
    const data = socket.data;
    if (data.audience !== 'attendee') throw wrongAudience();
    return {
      audience: 'attendee',
      attendeeId: data.attendeeId,
      meetingId: data.meetingId,
      workspaceId: data.workspaceId,
    };
  }

  private tabsOf(socket: PodiumSocket): Map<string, string> {
    let tabs = this.tabs.get(socket.id);
    if (!tabs) {
      tabs = new Map();
      this.tabs.set(socket.id, tabs);
    }
    return tabs;
  }

  private context(socket: PodiumSocket, event: string): Record<string, unknown> {
    return { event, socketId: socket.id, audience: socket.data?.audience };
  }
}

function wrongAudience(): LiveException {
  return new LiveException(LiveErrorCode.WrongAudience, 'This connection cannot do that');
}
