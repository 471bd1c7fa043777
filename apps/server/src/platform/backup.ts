import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Readable } from 'node:stream';
import type pg from 'pg';

/**
 * Logical backup for both backends through the same `pg` path: gzip'd JSON lines — a header, then
 * one line per row ({"t": table, "r": row_to_json}). Restore loads the rows with
 * json_populate_recordset into a migrated, empty schema with triggers and FK checks deferred
 * (session_replication_role = replica), in one transaction.
 */
const FORMAT = 'onestop-backup';

async function listTables(client: pg.PoolClient | pg.Pool): Promise<string[]> {
  const r = await client.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY tablename",
  );
  return r.rows.map((x) => x.tablename);
}

function ident(name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table name ${name}`);
  return `"${name}"`;
}

export interface TableDigest {
  table: string;
  rows: number;
  hash: string;
}

/** Row count and a content hash per table, to compare a restored database with its source. */
export async function digestDatabase(pool: pg.Pool): Promise<TableDigest[]> {
  const out: TableDigest[] = [];
  for (const t of await listTables(pool)) {
    const r = await pool.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(x, E'\\n' ORDER BY x)) AS h
         FROM (SELECT row_to_json(t)::text AS x FROM ${ident(t)} t) s`,
    );
    out.push({ table: t, rows: r.rows[0]?.n ?? 0, hash: r.rows[0]?.h ?? '' });
  }
  return out;
}

export async function backupDatabase(pool: pg.Pool, file: string): Promise<{ tables: number; rows: number }> {
  const client = await pool.connect();
  let rows = 0;
  let tables: string[] = [];
  try {
    // One consistent snapshot of every table.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    tables = await listTables(client);
    const migrations = (
      await client.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name')
    ).rows.map((r) => r.name);
    const lines: string[] = [
      JSON.stringify({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), migrations, tables }),
    ];
    for (const t of tables) {
      const r = await client.query<{ j: unknown }>(`SELECT row_to_json(t) AS j FROM ${ident(t)} t`);
      for (const row of r.rows) lines.push(JSON.stringify({ t, r: row.j }));
      rows += r.rowCount ?? 0;
    }
    await client.query('COMMIT');
    await pipeline(Readable.from(lines.map((l) => `${l}\n`)), createGzip(), createWriteStream(file));
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return { tables: tables.length, rows };
}

export async function restoreDatabase(
  pool: pg.Pool,
  file: string,
  opts: { force?: boolean } = {},
): Promise<{ tables: number; rows: number }> {
  const rl = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let header: { format: string; migrations: string[]; tables: string[] } | undefined;
  const byTable = new Map<string, unknown[]>();
  for await (const line of rl) {
    if (!line) continue;
    const obj = JSON.parse(line);
    if (!header) {
      if (obj.format !== FORMAT) throw new Error('不是 onestop 备份文件');
      header = obj;
      continue;
    }
    const list = byTable.get(obj.t) ?? [];
    list.push(obj.r);
    byTable.set(obj.t, list);
  }
  if (!header) throw new Error('备份文件为空');
  const client = await pool.connect();
  let rows = 0;
  try {
    const applied = (
      await client.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name')
    ).rows.map((r) => r.name);
    const missing = header.migrations.filter((m) => !applied.includes(m));
    if (missing.length) throw new Error(`目标数据库缺少迁移：${missing.join(', ')}`);
    const tables = await listTables(client);
    if (!opts.force) {
      const users = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
      if ((users.rows[0]?.n ?? 0) > 0) throw new Error('目标数据库已有用户数据；确认覆盖请加 --force');
    }
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(`TRUNCATE ${tables.map(ident).join(', ')}`);
    for (const t of header.tables) {
      if (!tables.includes(t)) throw new Error(`目标数据库没有表 ${t}`);
      const list = byTable.get(t) ?? [];
      for (let i = 0; i < list.length; i += 1000) {
        const chunk = list.slice(i, i + 1000);
        await client.query(
          `INSERT INTO ${ident(t)} SELECT * FROM json_populate_recordset(null::${ident(t)}, $1::json)`,
          [JSON.stringify(chunk)],
        );
      }
      rows += list.length;
    }
    // Serial columns continue after the restored rows.
    const seqs = await client.query<{ tbl: string; col: string; seq: string }>(
      `SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
         FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace AND a.attnum > 0
          AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
    );
    for (const s of seqs.rows) {
      await client.query(
        `SELECT setval($1, coalesce((SELECT max(${ident(s.col)}) FROM ${ident(s.tbl)}), 0) + 1, false)`,
        [s.seq],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return { tables: header.tables.length, rows };
}
