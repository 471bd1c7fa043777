import { isIP } from 'node:net';
import { z } from 'zod';
import { KeyFileError, keyFileFor, loadOrCreateKeyFile } from './keys';

/**
 * Configuration comes only from environment variables, validated once at boot.
 * A bad value stops the process with a clear message (exit code 1), never a half-working server.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const DEV_KEY = 'onestop-demo-only-key-do-not-use-in-production-000';
const DEV_AUDIT_KEY = 'onestop-demo-only-audit-key-do-not-use-in-production';

/**
 * TRUST_PROXY: off by default (the client's own address is used for per-IP limits and the audit
 * trail). To run behind a reverse proxy, list the proxies' addresses or CIDR ranges, comma-separated;
 * only an X-Forwarded-For added by one of them is believed. 'true' (believe anyone) is refused.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): false | string[] => {
    const raw = (v ?? '').trim();
    if (!raw || ['false', '0', 'no', 'off'].includes(raw)) return false;
    const items = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const item of items) {
      const [addr, bits, extra] = item.split('/');
      const version = isIP(addr ?? '');
      const maxBits = version === 6 ? 128 : 32;
      const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
      if (!version || !okBits || extra !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `TRUST_PROXY 只接受代理服务器的 IP 地址或网段（逗号分隔），例如 127.0.0.1,10.0.0.0/8；"${item}" 无效 (a list of proxy addresses or CIDRs)`,
        });
        return z.NEVER;
      }
    }
    return items;
  });

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
    /** Demo accounts, demo key and demo data: only when asked for. */
    DEMO_MODE: bool.default(false),
    SECRET_KEY: z.string().min(32, 'SECRET_KEY 至少 32 个字符').optional(),
    SECRET_KEY_PREVIOUS: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().min(32, 'SECRET_KEY_PREVIOUS 中每个密钥至少 32 个字符')))
      .optional(),
    LOOKUP_KEY: z.string().min(32, 'LOOKUP_KEY 至少 32 个字符').optional(),
    AUDIT_KEY: z.string().min(32, 'AUDIT_KEY 至少 32 个字符').optional(),
    /** Where the daily audit anchor is appended; best on storage the database host cannot rewrite. */
    AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
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
    TRUST_PROXY: trustProxy,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    STORAGE_DIR: z.string().min(1).default('./data/files'),
    WEB_DIST: z.string().min(1).default('apps/web/dist'),
    PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
    JOBS_ENABLED: bool.default(true),
    TZ_OFFSET_MINUTES: z.coerce.number().int().default(480),
    SMS_PROVIDER: z.enum(['log', 'http']).default('log'),
    SMS_HTTP_URL: z.string().url('SMS_HTTP_URL 必须是有效的网址').optional(),
    /** A PostgreSQL read replica for lists and searches (platform/read-pool.ts). */
    DATABASE_READ_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_READ_URL 必须以 postgres:// 或 postgresql:// 开头')
      .optional(),
    /** After a user's write, that user's reads stay on the primary this long (read-your-writes). */
    READ_AFTER_WRITE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    /** Longest a single SQL statement may run (PostgreSQL statement_timeout on every connection); 0 = off. */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
    /** On SIGTERM: how long /api/ready reports 503 before the listener closes (proxy check interval). */
    SHUTDOWN_DRAIN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
    /** On SIGTERM: how long in-flight requests and running jobs may take before jobs are handed back. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    /** Online rooms (issue #20): STUN/TURN servers given to the browsers, comma-separated (stun:… / turn:…). */
    ICE_URLS: z.string().default(''),
    /** The TURN user and password (coturn `lt-cred-mech`); unused for STUN-only lists. */
    TURN_USERNAME: z.string().optional(),
    TURN_CREDENTIAL: z.string().optional(),
  })
  .transform((e) => {
    const demoMode = e.DEMO_MODE;
    // Outside demo an embedded installation may keep a generated key in its data folder.
    const keyFile = !demoMode && !e.DATABASE_URL && !e.SECRET_KEY ? keyFileFor(e.PGLITE_DIR) : undefined;
    const auditKeyFile =
      !demoMode && !e.DATABASE_URL && !e.AUDIT_KEY ? keyFileFor(e.PGLITE_DIR, 'audit.key') : undefined;
    return {
      nodeEnv: e.NODE_ENV,
      host: e.HOST,
      port: e.PORT,
      databaseUrl: e.DATABASE_URL,
      pgliteDir: e.PGLITE_DIR,
      poolMax: e.DB_POOL_MAX,
      demoMode,
      secretKey: e.SECRET_KEY ?? (demoMode ? DEV_KEY : undefined),
      secretKeyPrevious: e.SECRET_KEY_PREVIOUS ?? [],
      lookupKey: e.LOOKUP_KEY,
      auditKey: e.AUDIT_KEY ?? (demoMode ? DEV_AUDIT_KEY : undefined),
      auditAnchorFile: e.AUDIT_ANCHOR_FILE,
      keyFile,
      /** Set by loadConfig when this start created the key file (main.ts says so in the log). */
      keyFileCreated: false,
      auditKeyFile,
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
      sessionCacheMs: e.SESSION_CACHE_MS,
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginLockMinutes: e.LOGIN_LOCK_MINUTES,
      // Outside demo the session cookie is sent over HTTPS only, unless explicitly turned off.
      cookieSecure: e.COOKIE_SECURE ?? !demoMode,
      trustProxy: e.TRUST_PROXY,
      logLevel: e.LOG_LEVEL,
      storageDir: e.STORAGE_DIR,
      webDist: e.WEB_DIST,
      publicBaseUrl: e.PUBLIC_BASE_URL,
      jobsEnabled: e.JOBS_ENABLED,
      tzOffsetMinutes: e.TZ_OFFSET_MINUTES,
      smsProvider: e.SMS_PROVIDER,
      smsHttpUrl: e.SMS_HTTP_URL,
      databaseReadUrl: e.DATABASE_READ_URL,
      readAfterWriteMs: e.READ_AFTER_WRITE_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      shutdownDrainDelayMs: e.SHUTDOWN_DRAIN_DELAY_MS,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
      iceUrls: e.ICE_URLS.split(',')
        .map((u) => u.trim())
        .filter(Boolean),
      turnUsername: e.TURN_USERNAME,
      turnCredential: e.TURN_CREDENTIAL,
    };
  })
  .refine((c) => c.secretKey !== undefined || c.keyFile !== undefined, {
    message:
      '非演示模式必须设置 SECRET_KEY（至少 32 个字符，用于个人信息加密）；演示请设置 DEMO_MODE=true (outside demo mode SECRET_KEY is required)',
    path: ['SECRET_KEY'],
  })
  .refine((c) => c.auditKey !== undefined || c.auditKeyFile !== undefined, {
    message: '非演示模式必须设置 AUDIT_KEY（至少 32 个字符，与 SECRET_KEY 不同，用于审计日志防篡改）',
    path: ['AUDIT_KEY'],
  })
  .refine((c) => c.smsProvider !== 'http' || c.smsHttpUrl !== undefined, {
    message: 'SMS_PROVIDER=http 时必须设置 SMS_HTTP_URL (SMS_HTTP_URL is required for SMS_PROVIDER=http)',
    path: ['SMS_HTTP_URL'],
  });

export type AppConfig = z.output<typeof envSchema> & {
  secretKey: string;
  auditKey: string;
  /**
   * Test-only clock: where the business date (`businessToday`) is read from. Never set from the
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
  const config = parsed.data;
  if (config.secretKey === undefined && config.keyFile) {
    try {
      const { key, created } = loadOrCreateKeyFile(config.keyFile);
      config.secretKey = key;
      config.keyFileCreated = created;
    } catch (err) {
      if (err instanceof KeyFileError)
        throw new ConfigError(`配置错误 (configuration error):\n  - SECRET_KEY: ${err.message}`);
      throw err;
    }
  }
  if (config.auditKey === undefined && config.auditKeyFile) {
    try {
      const { key, created } = loadOrCreateKeyFile(config.auditKeyFile);
      config.auditKey = key;
      config.keyFileCreated ||= created;
    } catch (err) {
      if (err instanceof KeyFileError)
        throw new ConfigError(`配置错误 (configuration error):\n  - AUDIT_KEY: ${err.message}`);
      throw err;
    }
  }
  return config as AppConfig;
}
