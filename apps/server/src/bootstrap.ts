import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { AppConfig } from './config/env';
import { type Database, openDatabase } from './db/database';
import { migrate } from './db/migrate';
import { seedCalendar } from './modules/clocks/calendar.service';
import { cipherFromConfig } from './platform/crypto';
import { seedDemo } from './seed/demo';
import { claimInstallationMode } from './seed/installation';
import { seedReference } from './seed/reference';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  seeded: { reference: boolean; demo: boolean };
  close(): Promise<void>;
}

/** Opens the database, applies migrations, seeds on first start, and starts listening. */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: config.pgliteDir,
    poolMax: config.poolMax,
    databaseReadUrl: config.databaseReadUrl,
    auditKey: config.auditKey,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  try {
    await migrate(database.pool);
    const reference = await seedReference(database.db);
    await seedCalendar(database.db);
    // A demo never lands in a production database, and a demo database never starts as production.
    await claimInstallationMode(database.db, config.demoMode ? 'demo' : 'production');
    const demo = config.demoMode ? await seedDemo(database.db, cipherFromConfig(config)) : false;
    await database.useAppRole();
    const app = await buildApp({ config, database });
    await app.listen({ host: config.host, port: config.port });
    const port = (app.server.address() as { port: number }).port;
    let closed = false;
    return {
      app,
      database,
      url: `http://127.0.0.1:${port}`,
      seeded: { reference, demo },
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
}
