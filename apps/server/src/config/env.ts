import { z } from 'zod';

/**
 * Configuration comes only from environment variables, validated once at boot.
 * A bad value stops the process with a clear message (exit code 1), never a half-working server.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const DEV_KEY = 'onestop-demo-only-key-do-not-use-in-production-000';

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头')
      .optional(),
    PGLITE_DIR: z.string().min(1).default('./data/pglite'),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    DEMO_MODE: bool.optional(),
    SECRET_KEY: z.string().min(32, 'SECRET_KEY 至少 32 个字符').optional(),
    SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCK_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    COOKIE_SECURE: bool.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    STORAGE_DIR: z.string().min(1).default('./data/files'),
    WEB_DIST: z.string().min(1).default('apps/web/dist'),
    PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
    JOBS_ENABLED: bool.default(true),
    TZ_OFFSET_MINUTES: z.coerce.number().int().default(480),
    SMS_PROVIDER: z.enum(['log', 'http']).default('log'),
    SMS_HTTP_URL: z.string().url('SMS_HTTP_URL 必须是有效的网址').optional(),
  })
  .transform((e) => {
    const demoMode = e.DEMO_MODE ?? !e.DATABASE_URL;
    return {
      nodeEnv: e.NODE_ENV,
      host: e.HOST,
      port: e.PORT,
      databaseUrl: e.DATABASE_URL,
      pgliteDir: e.PGLITE_DIR,
      poolMax: e.DB_POOL_MAX,
      demoMode,
      secretKey: e.SECRET_KEY ?? (demoMode ? DEV_KEY : undefined),
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
      sessionCacheMs: e.SESSION_CACHE_MS,
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginLockMinutes: e.LOGIN_LOCK_MINUTES,
      cookieSecure: e.COOKIE_SECURE ?? false,
      logLevel: e.LOG_LEVEL,
      storageDir: e.STORAGE_DIR,
      webDist: e.WEB_DIST,
      publicBaseUrl: e.PUBLIC_BASE_URL,
      jobsEnabled: e.JOBS_ENABLED,
      tzOffsetMinutes: e.TZ_OFFSET_MINUTES,
      smsProvider: e.SMS_PROVIDER,
      smsHttpUrl: e.SMS_HTTP_URL,
    };
  })
  .refine((c) => c.secretKey !== undefined, {
    message: '非演示模式必须设置 SECRET_KEY（至少 32 个字符，用于个人信息加密）',
    path: ['SECRET_KEY'],
  });

export type AppConfig = z.output<typeof envSchema> & {
  secretKey: string;
  /**
   * Test-only clock: where the business date (`todayIso`) is read from. Never set from the
   * environment; API tests set it on the running server to let the calendar pass (a hearing date
   * arrives) instead of back-dating records. Defaults to the system clock.
   */
  now?: () => Date;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`配置错误 (configuration error):\n${lines.join('\n')}`);
  }
  return parsed.data as AppConfig;
}
