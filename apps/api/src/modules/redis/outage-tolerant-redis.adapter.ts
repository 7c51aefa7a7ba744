import { RedisAdapter, type RedisAdapterOptions } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';

type Publish = (...args: unknown[]) => Promise<number>;

/**
 * The Socket.IO Redis adapter, kept serving while Redis is away: pushes still reach this
 * process's own sockets, and questions to every replica ("which sockets are in this room?")
 * are answered for this one alone instead of failing or waiting out their timeout.
 */
class OutageTolerantRedisAdapter extends RedisAdapter {
  override async serverCount(): Promise<number> {
    if ((this.pubClient as Redis).status !== 'ready') return 1;
    try {
      return await super.serverCount();
    } catch {
      return 1;
    }
  }
}

/**
 * The adapter publishes without awaiting; while Redis is down each publish would then end in an
 * unhandled rejection, which stops a Node process. A broadcast that cannot cross replicas now is
 * lost for the other replicas only; their clients resync when they next join.
 */
function withoutUnhandledPublishes(publisher: Redis): Redis {
  const target = publisher as unknown as { publish: Publish };
  const publish = target.publish.bind(publisher) as Publish;
  target.publish = (...args) => {
    const sent = publish(...args);
    sent.catch(() => undefined);
    return sent;
  };
  return publisher;
}

/**
 * What `server.adapter()` takes. Socket.IO calls it with `new` once per namespace: a plain
 * function returning the adapter (an arrow function cannot be called with `new`).
 */
export function createOutageTolerantAdapter(
  publisher: Redis,
  subscriber: Redis,
  options: Partial<RedisAdapterOptions>,
): (namespace: unknown) => RedisAdapter {
  const pub = withoutUnhandledPublishes(publisher);
  return function outageTolerantAdapter(namespace: unknown): RedisAdapter {
    return new OutageTolerantRedisAdapter(namespace, pub, subscriber, options);
  };
}
