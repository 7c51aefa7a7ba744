import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { type Ack, type InroomChatMessageDto, InroomChatSendSchema, SOCKET_PATH } from '@podium/contracts';
import { z } from 'zod';
import { ackOf, parsePayload } from '../../meetings/live/socket-ack';
import type { PodiumServer, PodiumSocket } from '../../realtime/socket-data';
import { ChatErrorCode, ChatException } from '../chat.exception';
import { type AttendeeRef, InroomChatService } from './inroom-chat.service';

const HistorySchema = z.object({ meetingId: z.uuid() });

/** Attendees' in-room chat over their meeting socket (same server as the other gateways). */
@WebSocketGateway({ path: SOCKET_PATH, serveClient: false })
export class InroomChatGateway {
  /** The one Socket.IO server; ChatBroadcaster pushes through it. */
  @WebSocketServer()
  server!: PodiumServer;

  constructor(private readonly chat: InroomChatService) {}

  @SubscribeMessage('inroom.send')
  send(
    @ConnectedSocket() socket: PodiumSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<InroomChatMessageDto>> {
    return ackOf(() => this.chat.post(attendeeOf(socket), parsePayload(InroomChatSendSchema, body)), {
      event: 'inroom.send',
    });
  }

  @SubscribeMessage('inroom.history')
  history(
    @ConnectedSocket() socket: PodiumSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<InroomChatMessageDto[]>> {
    return ackOf(async () => {
      const { meetingId } = parsePayload(HistorySchema, body);
      const attendee = attendeeOf(socket);
      if (attendee.meetingId !== meetingId) {
        throw new ChatException(ChatErrorCode.NotInMeeting, 'This is not your meeting');
      }
      return this.chat.history(meetingId);
    });
  }
}

function attendeeOf(socket: PodiumSocket): AttendeeRef {
  const data = socket.data;
  if (data.audience !== 'attendee') {
    throw new ChatException(ChatErrorCode.NotInMeeting, 'Only attendees write in the in-room chat');
  }
  return { attendeeId: data.attendeeId, meetingId: data.meetingId, workspaceId: data.workspaceId };
}
