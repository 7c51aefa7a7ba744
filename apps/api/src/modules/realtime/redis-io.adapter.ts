import { type INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { isObservable, type Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { createOutageTolerantAdapter } from '../redis/outage-tolerant-redis.adapter';
import { RedisService } from '../redis/redis.service';

/** Socket.IO across replicas: with Redis, a broadcast on one process reaches sockets on all. */
export class PodiumIoAdapter extends IoAdapter {
  private readonly log = new Logger('PodiumIoAdapter');

  constructor(private readonly context: INestApplicationContext) {
    super(context);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    // No per-message compression (Socket.IO's default, stated so it stays): a broadcast then
    // encodes its WebSocket frame once for every socket of the room instead of deflating per socket.
    const server = super.createIOServer(port, {
      ...options,
      perMessageDeflate: false,
    } as ServerOptions) as Server;
    // Nest binds one connection listener per gateway (one per domain module): more than Node's
    // default warning threshold of ten, and expected.
    server.of('/').setMaxListeners(50);
    const redis = this.context.get(RedisService);
    if (redis.enabled) {
      server.adapter(
        // A chat batch or a results tick publishes many rooms at once: one write to Redis for them.
        createOutageTolerantAdapter(
          redis.connect('io-pub', { autoPipelining: true }),
          redis.connect('io-sub'),
          {
            key: `${redis.keyPrefix}:io`,
          },
        ),
      );
    }
    return server;
  }

  /**
   * Nest's own binding builds an rxjs chain per socket and message (fromEvent, mergeMap, takeUntil
   * the disconnect) and runs every message through it: about a tenth of the api's CPU in a vote
   * burst. Plain listeners do the same: the handler's answer (a value or a promise) is the ack, or
   * an emit when it names an event; a failure is logged and leaves the socket's other events alone.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(String(message), (...args: unknown[]) => {
        // As rxjs's fromEvent hands it over: one argument alone, several as an array.
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]);
        const respond = (response: unknown): void => {
          if (response === null || response === undefined) return;
          const named = response as { event?: string; data?: unknown };
          if (named.event) {
            socket.emit(named.event, named.data);
            return;
          }
          if (!isAckHandledManually && typeof ack === 'function') (ack as (value: unknown) => void)(response);
        };
        const failed = (error: unknown): void => this.log.error(error);
        let result: unknown;
        try {
          result = callback(data, ack);
        } catch (error) {
          failed(error);
          return;
        }
        if (isObservable(result)) transform(result).subscribe({ next: respond, error: failed });
        else Promise.resolve(result).then(respond, failed);
      });
    }
  }
}
