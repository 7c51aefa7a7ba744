import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { createOutageTolerantAdapter } from '../redis/outage-tolerant-redis.adapter';
import { RedisService } from '../redis/redis.service';

/** Socket.IO across replicas: with Redis, a broadcast on one process reaches sockets on all. */
export class PodiumIoAdapter extends IoAdapter {
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
}
