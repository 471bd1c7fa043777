import { mkdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { type Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { deriveKey } from '../platform/crypto';
import { UnitOfWorkDb } from '../platform/unit-of-work';
import type { DB } from './schema';

// Decide once how pg returns types: int8 (counts, seq) as number; SQL date as 'YYYY-MM-DD' string.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export type Backend = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  pool: pg.Pool;
  backend: Backend;
  /** Connection settings, for tools that need their own client (backup, benchmarks). */
  connection: pg.PoolConfig;
  /** Read replica (DATABASE_READ_URL) for lists and searches; absent: everything reads the primary. */
  read?: { db: Kysely<DB>; pool: pg.Pool } | undefined;
  /**
   * From now on every pooled connection runs as the restricted role `onestop_app` (migration
   * 0020): call after migrations and seeding. Owner-only work (restore, tests proving the
   * restriction) takes a client and `RESET ROLE`s it for the time being.
   */
  useAppRole(): Promise<void>;
  /** Runs `fn` on one pooled client as the connecting owner, then restores the app role. */
  withOwner<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const APP_ROLE = 'onestop_app';

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory, or 'memory://' for a throw-away database. */
  pgliteDir: string;
  poolMax: number;
  /** A PostgreSQL read replica for lists and searches (platform/read-pool.ts); PostgreSQL only. */
  databaseReadUrl?: string | undefined;
  /**
   * DB_STATEMENT_TIMEOUT_MS: PostgreSQL `statement_timeout` of every pooled connection, so no statement
   * (a runaway query, a lock wait) holds a connection forever; the error (57014) answers 503. 0 = off.
   */
  statementTimeoutMs?: number | undefined;
  /** AUDIT_KEY; the built-in demo key when omitted (tests, benchmarks). */
  auditKey?: string | undefined;
}

const DEMO_AUDIT_KEY = 'onestop-demo-only-audit-key-do-not-use-in-production';

function appRoleSwitch(pool: pg.Pool): Pick<Database, 'useAppRole' | 'withOwner'> {
  const switched = new WeakSet<pg.PoolClient>();
  let active = false;
  // 'acquire' fires before the client is handed out; a query issued here runs before the caller's.
  pool.on('acquire', (client) => {
    if (!active || switched.has(client)) return;
    switched.add(client);
    client.query(`SET ROLE ${APP_ROLE}`).catch(() => switched.delete(client));
  });
  return {
    async useAppRole() {
      const client = await pool.connect();
      try {
        await client.query(`SET ROLE ${APP_ROLE}`); // fails loudly if migration 0020 is missing
        switched.add(client);
      } finally {
        client.release();
      }
      active = true;
    },
    async withOwner(fn) {
      const client = await pool.connect();
      try {
        await client.query('RESET ROLE');
        return await fn(client);
      } finally {
        if (active) await client.query(`SET ROLE ${APP_ROLE}`).catch(() => switched.delete(client));
        client.release();
      }
    },
  };
}

/** The unit-of-work Kysely over a pool (also for tools with a pool of their own, e.g. benchmarks). */
export function unitOfWorkDb(pool: pg.Pool, opts: { auditKey?: string | undefined } = {}): Kysely<DB> {
  const auditKey = deriveKey(opts.auditKey ?? DEMO_AUDIT_KEY, 'audit-chain');
  return new UnitOfWorkDb({ dialect: new PostgresDialect({ pool: callbackQueryPool(pool) }) }, auditKey);
}

/**
 * The pool as Kysely sees it: the same pg pool and clients, except that a query Kysely sends goes
 * through pg's callback form (`client.query(sql, values, callback)`, as `pool.query` does) instead of
 * the promise pg builds when no callback is given. Measured on the list request (PostgreSQL, 10
 * connections, `node --trace-gc-nvp`): with pg's promise every request left about 1.8 KB to be
 * promoted to the old generation by the young-generation collections (then marked and swept by full
 * collections, a large share of the request's CPU); with the callback form, 28 bytes, as little as
 * the bare Fastify + pg server. Results, errors (Kysely adds the caller's stack), transactions and
 * release are unchanged; a cursor (unused here) is passed through as it is.
 */
function callbackQueryPool(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    query: ((sqlOrCursor: string | pg.Submittable, parameters?: readonly unknown[]) => {
      if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor);
      return new Promise<pg.QueryResult>((resolve, reject) => {
        client.query(sqlOrCursor, parameters as unknown[], (err, result) =>
          err ? reject(err) : resolve(result),
        );
      });
    }) as unknown as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  });
  return {
    async connect() {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (!wrapped) {
        wrapped = wrap(client);
        clients.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}

/**
 * The read replica's pool: every transaction read-only, so a write sent there by mistake fails on
 * a primary too (the test points DATABASE_READ_URL at the primary itself).
 */
function openReadPool(url: string, opts: DatabaseOptions): { db: Kysely<DB>; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolMax,
    options: '-c default_transaction_read_only=on',
  });
  pool.on('error', () => {
    /* reported by the next query */
  });
  return { db: unitOfWorkDb(pool, opts), pool };
}

/**
 * One code path for both backends: the application always talks `pg` to PostgreSQL. With no
 * DATABASE_URL an embedded PGlite is served on a private Unix socket inside its data directory.
 * PGlite runs one transaction at a time behind the socket multiplexer, so transactions must stay
 * short and never query through a second pooled connection.
 */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const connection: pg.PoolConfig = {
      connectionString: opts.databaseUrl,
      max: opts.poolMax,
      // Sent in the startup message: set before the first query of every new connection.
      ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
    };
    const pool = new pg.Pool(connection);
    pool.on('error', () => {
      /* idle client errors are reported by the next query */
    });
    const db = unitOfWorkDb(pool, opts);
    const read = opts.databaseReadUrl ? openReadPool(opts.databaseReadUrl, opts) : undefined;
    const roles = appRoleSwitch(pool);
    const readRoles = read && appRoleSwitch(read.pool);
    return {
      db,
      pool,
      backend: 'postgres',
      connection,
      read,
      ...roles,
      async useAppRole() {
        await roles.useAppRole();
        await readRoles?.useAppRole();
      },
      async close() {
        await db.destroy();
        await read?.db.destroy();
      },
    };
  }

  // Loaded only here: an instance on PostgreSQL never loads the embedded database's code.
  const [{ PGlite }, { pg_trgm }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite-socket'),
  ]);
  const memory = opts.pgliteDir === 'memory://';
  let socketDir: string;
  let pglite: PGlite;
  if (memory) {
    socketDir = await mkdtemp(path.join(tmpdir(), 'onestop-pglite-'));
    pglite = await PGlite.create({ extensions: { pg_trgm } });
  } else {
    const dataDir = path.resolve(opts.pgliteDir);
    mkdirSync(dataDir, { recursive: true });
    socketDir = path.join(dataDir, '..', 'run');
    mkdirSync(socketDir, { recursive: true });
    pglite = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  }
  const port = 5432;
  const socketPath = path.join(socketDir, `.s.PGSQL.${port}`);
  // A socket file left by a killed process would make listen() fail; PGlite itself is single-process.
  rmSync(socketPath, { force: true });
  const server = new PGLiteSocketServer({
    db: pglite,
    path: socketPath,
    maxConnections: 4,
  });
  await server.start();
  // One connection: PGlite's socket multiplexer interleaves the extended-protocol messages of
  // concurrent connections (measured: 'portal "" does not exist' under parallel requests), and
  // PGlite runs one query at a time anyway. Requests queue on the pool instead.
  const connection: pg.PoolConfig = {
    host: socketDir,
    port,
    user: 'postgres',
    database: 'postgres',
    max: 1,
  };
  const pool = new pg.Pool(connection);
  pool.on('error', () => {
    /* reported by the next query */
  });
  // The socket server ignores startup parameters: set the timeout in the (one) session instead.
  // PGlite honours it between its own steps only where its single-threaded engine checks for
  // interrupts, so on PGlite it is a best-effort guard; the request timeout stays the backstop.
  if (opts.statementTimeoutMs) {
    const ms = Math.trunc(opts.statementTimeoutMs);
    pool.on('connect', (client) => {
      client.query(`SET statement_timeout = ${ms}`).catch(() => undefined);
    });
  }
  const db = unitOfWorkDb(pool, opts);
  return {
    db,
    pool,
    backend: 'pglite',
    connection,
    ...appRoleSwitch(pool),
    async close() {
      await db.destroy();
      await server.stop();
      await pglite.close();
      // The socket directory of an in-memory database is ours alone: leave nothing behind.
      if (memory) rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
