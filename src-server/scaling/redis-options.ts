import type { Configuration as RedisExtensionConfiguration } from '@hocuspocus/extension-redis';

/**
 * Turns BOCAGE_REDIS_URL into the Redis extension's settings, so the extension builds its own
 * publisher and subscriber clients (it needs two: a subscribed connection can do nothing else).
 */
export function redisExtensionOptions(redisUrl: string, identifier: string): Partial<RedisExtensionConfiguration> {
  const url = new URL(redisUrl);
  const database = url.pathname.replace(/^\//, '');
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? 6379 : Number(url.port),
    identifier,
    // Every instance must agree on it, and it keeps Bocage's channels apart on a shared Redis.
    prefix: 'bocage',
    options: {
      ...(url.username === '' ? {} : { username: decodeURIComponent(url.username) }),
      ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
      ...(/^\d+$/.test(database) ? { db: Number(database) } : {}),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  };
}
