import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { type Actor, appendAudit } from './audit';

/** The modules that keep a timeline of their own (their records hang on no matter), by its table. */
const MODULE_OF_TABLE = { prevention_event: 'prevention', training_event: 'training' } as const;

export type ModuleEventTable = keyof typeof MODULE_OF_TABLE;

/**
 * One state change of such a module: a row of its timeline and the audit entry
 * (`<module>.<action>`), in the caller's transaction.
 */
export async function recordModuleChange(
  trx: Transaction<DB>,
  actor: Actor,
  table: ModuleEventTable,
  entity: { type: string; id: string; organizationId?: string | null },
  action: string,
  summary: string,
  after?: unknown,
) {
  const row = {
    entity_type: entity.type,
    entity_id: entity.id,
    action,
    summary,
    actor_id: actor.id,
    actor_name: actor.name,
  };
  await (table === 'prevention_event'
    ? trx.insertInto(table).values({ ...row, organization_id: entity.organizationId ?? null })
    : trx.insertInto(table).values(row)
  ).execute();
  await appendAudit(trx, actor, {
    action: `${MODULE_OF_TABLE[table]}.${action}`,
    entityType: entity.type,
    entityId: entity.id,
    summary,
    after,
  });
}
