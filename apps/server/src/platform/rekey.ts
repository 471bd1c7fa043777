import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';
import { appendAudit } from './audit';
import type { FieldCipher } from './crypto';
import { systemActor } from './system';

/**
 * Key rotation of field encryption: re-encrypts every stored value of every `*_enc` text column
 * with the current key (SECRET_KEY), batch by batch, one unit of work per batch with its audit
 * entry. Values already under the current key are skipped, so an interrupted run resumes where it
 * stopped. A row edited meanwhile is left alone (compare-and-set on the old value) and picked up
 * by the next batch.
 */
export interface RekeyProgress {
  table: string;
  column: string;
  done: number;
  total: number;
}

const BATCH = 200;

function ident(name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected identifier ${name}`);
  return sql.id(name);
}

export async function encryptedColumns(db: Kysely<DB>): Promise<{ table: string; column: string }[]> {
  const r = await sql<{ table: string; column: string }>`
    SELECT c.table_name AS table, c.column_name AS column
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       AND c.column_name LIKE '%\\_enc' AND c.data_type = 'text'
     ORDER BY c.table_name, c.column_name`.execute(db);
  return r.rows;
}

export async function rekeyAll(
  db: Kysely<DB>,
  cipher: FieldCipher,
  onProgress: (p: RekeyProgress) => void,
): Promise<{ columns: number; rewritten: number }> {
  const prefix = `v2.${cipher.keyId}.%`;
  const columns = await encryptedColumns(db);
  let rewritten = 0;
  for (const { table, column } of columns) {
    const t = ident(table);
    const c = ident(column);
    const stale = sql`${c} IS NOT NULL AND ${c} NOT LIKE ${prefix}`;
    const total = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${t} WHERE ${stale}`.execute(db))
      .rows[0]!.n;
    let done = 0;
    onProgress({ table, column, done, total });
    while (done < total) {
      const changed = await db.transaction().execute(async (trx) => {
        const rows = (
          await sql<{ id: string; v: string }>`
            SELECT id, ${c} AS v FROM ${t} WHERE ${stale} ORDER BY id LIMIT ${BATCH}
            FOR UPDATE SKIP LOCKED`.execute(trx)
        ).rows;
        for (const row of rows) {
          let plain: string;
          try {
            plain = cipher.decrypt(row.v);
          } catch (err) {
            throw new Error(`${table}.${column} id=${row.id} 无法解密：${(err as Error).message}`);
          }
          await sql`UPDATE ${t} SET ${c} = ${cipher.encrypt(plain)} WHERE id = ${row.id} AND ${c} = ${row.v}`.execute(
            trx,
          );
        }
        if (rows.length > 0) {
          await appendAudit(trx, systemActor('更换数据加密密钥'), {
            action: 'crypto.rekey',
            entityType: 'table',
            entityId: `${table}.${column}`,
            summary: `以当前密钥（${cipher.keyId}）重新加密 ${table}.${column} ${rows.length} 项`,
            after: { keyId: cipher.keyId, count: rows.length },
          });
        }
        return rows.length;
      });
      if (changed === 0) break;
      done += changed;
      rewritten += changed;
      onProgress({ table, column, done: Math.min(done, total), total });
    }
  }
  return { columns: columns.length, rewritten };
}
