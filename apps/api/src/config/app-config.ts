import { z } from 'zod';

/** Environment variables Podium reads, validated once at start. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// URL' }).optional(),
  /** Pool size per process against a real PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'must be a redis:// URL' }).optional(),
  /** Prefix for Podium's Redis keys and queues; lets several installs share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/i, { message: 'must be 1-40 letters, digits, - or _' })
    .default('podium'),
  /** Public https address, when Podium is reachable from outside (webhooks, invite links). */
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Override the generated secrets; required to be equal on every replica. */
  SESSION_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, { message: 'must be 64 hex characters (32 bytes)' })
    .optional(),
  /** Where the built web and overlay apps are; defaults next to the api bundle. */
  STATIC_DIR: z.string().min(1).optional(),
  HOUSEKEEPING_EVERY_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(60 * 60 * 1000),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 14),
  LOGIN_ATTEMPTS_PER_15_MIN: z.coerce.number().int().min(1).default(10),
  /** On SIGTERM, how long in-flight HTTP requests may take to finish before the app closes anyway. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** Twitch application (dev.twitch.tv console); without it "Connect with Twitch" is disabled. */
  TWITCH_CLIENT_ID: z.string().min(1).optional(),
  TWITCH_CLIENT_SECRET: z.string().min(1).optional(),
  /** Signs EventSub webhook deliveries; generated and stored when unset. */
  TWITCH_EVENTSUB_SECRET: z
    .string()
    .regex(/^[\x21-\x7e]{10,100}$/, { message: 'must be 10-100 printable ASCII characters' })
    .optional(),
  TWITCH_AUTHORIZE_URL: z.url().default('https://id.twitch.tv/oauth2/authorize'),
  TWITCH_EVENTSUB_WS_URL: z.url({ protocol: /^wss?$/ }).default('wss://eventsub.wss.twitch.tv/ws'),
  /** Google OAuth client for YouTube; without it "Connect with YouTube" is disabled. */
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_AUTHORIZE_URL: z.url().default('https://accounts.google.com/o/oauth2/v2/auth'),
  GOOGLE_TOKEN_URL: z.url().default('https://oauth2.googleapis.com/token'),
  GOOGLE_REVOKE_URL: z.url().default('https://oauth2.googleapis.com/revoke'),
  YOUTUBE_API_URL: z.url().default('https://www.googleapis.com/youtube/v3'),
  /** YouTube Data API units Podium may spend per day (Google's default project quota). */
  YOUTUBE_DAILY_QUOTA: z.coerce.number().int().min(100).default(10_000),
  /** How often a YouTube connection without a live broadcast looks for one (1 quota unit each). */
  YOUTUBE_BROADCAST_CHECK_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(3 * 60 * 1000),
  /** How often the announcements job looks for due announcements. */
  BOTS_ANNOUNCEMENT_TICK_MS: z.coerce.number().int().min(100).default(15_000),
  /** Length of the "minute" announcement intervals are counted in (tests shorten it). */
  BOTS_ANNOUNCEMENT_MINUTE_MS: z.coerce.number().int().min(100).default(60_000),
  /** How often the points cycle job looks for due cycles (tests shorten it). */
  POINTS_CYCLE_TICK_MS: z.coerce.number().int().min(100).default(60_000),
  /** Length of the "minute" cycle lengths are counted in (tests shorten it; presence stays in real minutes). */
  POINTS_CYCLE_MINUTE_MS: z.coerce.number().int().min(100).default(60_000),
  /** Waits between automatic webhook attempts, in ms, comma-separated (tests shorten them). */
  WEBHOOK_RETRY_DELAYS_MS: z
    .string()
    .regex(/^\d{1,9}(,\d{1,9}){0,19}$/, { message: 'must be comma-separated milliseconds' })
    .default('10000,30000,120000,600000,3600000'),
  /** Failed deliveries in a row that disable a webhook subscription (0: never). */
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(0).default(5),
  /** How long a webhook receiver has to answer. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Public API (v1) requests allowed per token, and per client IP, in each rate-limit window. */
  API_RATE_LIMIT_PER_TOKEN: z.coerce.number().int().min(1).default(120),
  API_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(300),
  API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
});

export type AppEnv = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {}

/** Validated settings; one instance per process, injected wherever needed. */
export class AppConfig {
  readonly nodeEnv: AppEnv['NODE_ENV'];
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly databasePoolSize: number;
  readonly redisUrl?: string;
  readonly redisPrefix: string;
  readonly publicUrl?: string;
  readonly logLevel: AppEnv['LOG_LEVEL'];
  readonly sessionSecretOverride?: string;
  readonly encryptionKeyOverride?: string;
  readonly staticDir?: string;
  readonly housekeepingEveryMs: number;
  readonly sessionTtlHours: number;
  readonly loginAttemptsPer15Min: number;
  readonly shutdownDrainMs: number;
  readonly bots: { announcementTickMs: number; announcementMinuteMs: number };
  readonly points: { cycleTickMs: number; cycleMinuteMs: number };
  readonly webhooks: { retryDelaysMs: number[]; disableAfter: number; timeoutMs: number };
  readonly apiRateLimit: { perToken: number; perIp: number; windowSeconds: number };
  readonly twitch: {
    clientId?: string;
    clientSecret?: string;
    eventSubSecret?: string;
    authorizeUrl: string;
    eventSubWsUrl: string;
  };
  readonly google: {
    clientId?: string;
    clientSecret?: string;
    authorizeUrl: string;
    tokenUrl: string;
    revokeUrl: string;
    youtubeApiUrl: string;
    youtubeDailyQuota: number;
    youtubeBroadcastCheckMs: number;
  };

  constructor(env: AppEnv) {
    this.nodeEnv = env.NODE_ENV;
    this.host = env.HOST;
    this.port = env.PORT;
    this.dataDir = env.DATA_DIR;
    this.databaseUrl = env.DATABASE_URL;
    this.databasePoolSize = env.DATABASE_POOL_SIZE;
    this.redisUrl = env.REDIS_URL;
    this.redisPrefix = env.REDIS_PREFIX;
    this.publicUrl = env.PUBLIC_URL?.replace(/\/+$/, '');
    this.logLevel = env.LOG_LEVEL;
    this.sessionSecretOverride = env.SESSION_SECRET;
    this.encryptionKeyOverride = env.ENCRYPTION_KEY;
    this.staticDir = env.STATIC_DIR;
    this.housekeepingEveryMs = env.HOUSEKEEPING_EVERY_MS;
    this.sessionTtlHours = env.SESSION_TTL_HOURS;
    this.loginAttemptsPer15Min = env.LOGIN_ATTEMPTS_PER_15_MIN;
    this.shutdownDrainMs = env.SHUTDOWN_DRAIN_MS;
    this.bots = {
      announcementTickMs: env.BOTS_ANNOUNCEMENT_TICK_MS,
      announcementMinuteMs: env.BOTS_ANNOUNCEMENT_MINUTE_MS,
    };
    this.points = { cycleTickMs: env.POINTS_CYCLE_TICK_MS, cycleMinuteMs: env.POINTS_CYCLE_MINUTE_MS };
    this.webhooks = {
      retryDelaysMs: env.WEBHOOK_RETRY_DELAYS_MS.split(',').map(Number),
      disableAfter: env.WEBHOOK_DISABLE_AFTER,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    };
    this.apiRateLimit = {
      perToken: env.API_RATE_LIMIT_PER_TOKEN,
      perIp: env.API_RATE_LIMIT_PER_IP,
      windowSeconds: env.API_RATE_LIMIT_WINDOW_SECONDS,
    };
    this.twitch = {
      clientId: env.TWITCH_CLIENT_ID,
      clientSecret: env.TWITCH_CLIENT_SECRET,
      eventSubSecret: env.TWITCH_EVENTSUB_SECRET,
      authorizeUrl: env.TWITCH_AUTHORIZE_URL,
      eventSubWsUrl: env.TWITCH_EVENTSUB_WS_URL,
    };
    this.google = {
      clientId: env.GOOGLE_CLIENT_ID,
      clientSecret: env.GOOGLE_CLIENT_SECRET,
      authorizeUrl: env.GOOGLE_AUTHORIZE_URL,
      tokenUrl: env.GOOGLE_TOKEN_URL,
      revokeUrl: env.GOOGLE_REVOKE_URL,
      youtubeApiUrl: env.YOUTUBE_API_URL.replace(/\/+$/, ''),
      youtubeDailyQuota: env.YOUTUBE_DAILY_QUOTA,
      youtubeBroadcastCheckMs: env.YOUTUBE_BROADCAST_CHECK_MS,
    };
  }

  /** Webhooks (Twitch EventSub over HTTP) need Twitch to reach us over https. */
  get publicHttpsUrl(): string | undefined {
    return this.publicUrl?.startsWith('https://') ? this.publicUrl : undefined;
  }

  get embeddedDatabase(): boolean {
    return !this.databaseUrl;
  }
}

/**
 * Reads the environment once. Empty strings count as unset so `FOO= npm start` behaves like
 * leaving FOO out. Throws a ConfigError whose message is one line naming the variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const got = present[name] === undefined ? '' : ` (got "${String(present[name]).slice(0, 60)}")`;
    throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}${got}`);
  }
  return new AppConfig(parsed.data);
}
