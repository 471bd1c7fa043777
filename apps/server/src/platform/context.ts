import type { AppConfig } from '../config/env';
import type { Database } from '../db/database';
import type { FieldCipher } from './crypto';
import type { JobRunner } from './jobs';

/** What the process hands to buildApp (app.ts, the composition root). */
export interface AppDeps {
  config: AppConfig;
  database: Database;
}

/** Services shared by the feature modules, built once per app in app.ts (`app.ctx`). */
export interface AppContext extends AppDeps {
  cipher: FieldCipher;
  /** Background jobs on the database; modules register handlers and periodic sweeps here. */
  jobs: JobRunner;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
