/**
 * Matter search benchmark: N matters (default 1,000,000) with workers and employers generated in SQL
 * (INSERT … SELECT generate_series), then searches by worker name, employer name and ID number through
 * the product's repository function (searchMatters: SQL + presentation) against the same SQL sent
 * directly with `pg`. Prints median and p95 of each, their ratio (goal ≤ 2×) and the EXPLAIN plans.
 *
 *   npx tsx bench/src/search.bench.ts            (DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_MATTERS=100000 npx tsx bench/src/search.bench.ts
 *
 * The benchmark creates its own database and drops it at the end.
 */
import { randomBytes } from 'node:crypto';
import { mod11_2CheckChar } from '@onestop/domain';
import pg from 'pg';
import { unitOfWorkDb } from '../../apps/server/src/db/database.js';
import { migrate } from '../../apps/server/src/db/migrate.js';
import {
  type MatterSearch,
  matterListSql,
  searchMatters,
} from '../../apps/server/src/modules/matters/matters.repository.js';
import { identityHash } from '../../apps/server/src/modules/parties/parties.service.js';
import { FieldCipher } from '../../apps/server/src/platform/crypto.js';
import { seedReference } from '../../apps/server/src/seed/reference.js';

pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

const N = Number(process.env.BENCH_MATTERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = `onestop_bench_${randomBytes(4).toString('hex')}`;
const cipher = new FieldCipher('onestop-bench-key-0000000000000000000000');

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰海燕文斌晓燕宇鹏飞丹凤春梅德才金花';
const WORDS = [
  '鸿运',
  '安达',
  '恒通',
  '聚力',
  '宏大',
  '神农',
  '楚天',
  '编钟',
  '炎帝',
  '银河',
  '金鼎',
  '华强',
  '新锐',
  '顺发',
  '长江',
  '汉东',
  '齐星',
  '程力',
  '万福',
  '盛泰',
];
const INDUSTRIES = [
  '建筑劳务',
  '物流',
  '机械',
  '电子',
  '纺织',
  '食品',
  '汽车配件',
  '餐饮管理',
  '物业服务',
  '商贸',
];

/** A valid resident ID for row i (region, birth date, sequence and MOD 11-2 check). */
function residentIdFor(i: number): string {
  const birth = new Date(Date.UTC(1965, 0, 1) + (i % 15000) * 86400000)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '');
  const body = `421303${birth}${String(i % 1000).padStart(3, '0')}`;
  return body + mod11_2CheckChar(body);
}

async function generate(pool: pg.Pool) {
  const employers = Math.max(10, Math.floor(N / 20));
  const t0 = Date.now();
  const c = await pool.connect();
  try {
    await c.query('SET synchronous_commit = off');
    const s = [...SURNAMES];
    const g = [...GIVEN];
    await c.query(
      `INSERT INTO party (id, kind, name, id_type, id_number_enc, identity_hash, sex, birth_date, migrant_worker, updated_at)
       SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'worker',
              ($1::text[])[1 + ((i::bigint * 7919) % ${s.length})::int] || ($2::text[])[1 + ((i / ${s.length}) % ${g.length})::int] ||
                CASE WHEN i % 3 = 0 THEN '' ELSE ($2::text[])[1 + ((i / ${s.length * g.length}) % ${g.length})::int] END,
              'resident_id', 'v1.bench', 'h' || md5(i::text), CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END,
              date '1965-01-01' + (i % 15000), i % 4 = 0, now()
         FROM generate_series(1, ${N}) i`,
      [s, g],
    );
    await c.query(
      `INSERT INTO party (id, kind, name, credit_code, identity_hash, industry, status, updated_at)
       SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(i), 12, '0'))::uuid, 'employer',
              '随州市' || ($1::text[])[1 + i % 20] || ($1::text[])[1 + (i / 20) % 20] || ($2::text[])[1 + (i / 400) % 10]
                || '有限公司' || CASE WHEN i > 4000 THEN '第' || i || '分公司' ELSE '' END,
              '91421300MA' || lpad(i::text, 7, '0') || 'X', 'e' || md5(i::text), ($2::text[])[1 + (i / 400) % 10], 'normal', now()
         FROM generate_series(1, ${employers}) i`,
      [WORDS, INDUSTRIES],
    );
    const j = (await c.query<{ id: string }>('SELECT id FROM jurisdiction ORDER BY code')).rows.map(
      (r) => r.id,
    );
    await c.query(
      `INSERT INTO matter (id, number, year, seq, channel, request_kind, status, narrative, jurisdiction_id, received_at,
                           worker_count, priority_flags, updated_at)
       SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid,
              '随维〔' || (2024 + i % 3) || '〕' || lpad((i / 3 + 1)::text, 6, '0'), 2024 + i % 3, i / 3 + 1,
              (ARRAY['window','online','hotline_12333','petition_transfer'])[1 + i % 4], 'application',
              (ARRAY['registered','routed','routed','closed','closed'])[1 + i % 5], '', ($1::uuid[])[1 + i % ${j.length}],
              timestamptz '2024-01-01' + (i * interval '1 minute'), 1,
              CASE WHEN i % 3 = 0 THEN ARRAY['wage_arrears'] ELSE '{}'::text[] END, now()
         FROM generate_series(1, ${N}) i`,
      [j],
    );
    await c.query(
      `INSERT INTO matter_party (matter_id, party_id, role, sort)
       SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid,
              ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'worker', 0
         FROM generate_series(1, ${N}) i
       UNION ALL
       SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid,
              ('00000000-0000-4000-9000-' || lpad(to_hex(1 + (i::bigint * 31) % ${employers}), 12, '0'))::uuid, 'employer', 0
         FROM generate_series(1, ${N}) i`,
    );
    // Real keyed hashes for a sample of workers, so the ID-number search goes through the product's hashing.
    const sample = Array.from({ length: 200 }, (_, k) => 1 + ((k * 4999) % N));
    for (const i of sample) {
      await c.query('UPDATE party SET identity_hash = $1 WHERE id = $2', [
        identityHash(cipher, 'worker', residentIdFor(i)),
        `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      ]);
    }
    await c.query('ANALYZE');
    return { seconds: (Date.now() - t0) / 1000, employers, sample };
  } finally {
    c.release();
  }
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  const db = unitOfWorkDb(pool);
  try {
    await migrate(pool);
    await seedReference(db);
    console.log(`generating ${N.toLocaleString()} matters …`);
    const gen = await generate(pool);
    console.log(`generated in ${gen.seconds.toFixed(1)} s (${gen.employers.toLocaleString()} employers)`);
    const scope = (await db.selectFrom('jurisdiction').select('id').execute()).map((r) => r.id);
    // Three-character names that exist in the generated data (spread over the table).
    const three = await pool.query<{ name: string }>(
      `SELECT name FROM party TABLESAMPLE SYSTEM (1) WHERE kind = 'worker' AND char_length(name) = 3 LIMIT 5`,
    );
    const cases: { label: string; queries: string[] }[] = [
      { label: '劳动者姓名（三字，pg_trgm）', queries: three.rows.map((r) => r.name) },
      { label: '劳动者姓名（两字，前缀）', queries: ['王伟', '李娜', '张敏', '刘强', '陈静'] },
      {
        label: '单位名称（pg_trgm）',
        queries: ['鸿运安达', '恒通聚力物流', '神农楚天', '编钟炎帝电子', '银河金鼎'],
      },
      { label: '证件号码（键控哈希）', queries: gen.sample.slice(0, 20).map(residentIdFor) },
    ];
    console.log(
      '\n| search | product median ms | product p95 ms | direct median ms | direct p95 ms | ratio (median) |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const c of cases) {
      const product: number[] = [];
      const direct: number[] = [];
      let hits = 0;
      for (let r = 0; r < RUNS; r++) {
        const s: MatterSearch = { q: c.queries[r % c.queries.length]!, page: 1, pageSize: 20 };
        const compiled = matterListSql(cipher, s, scope).query.compile(db);
        // Alternate the order so caches favour neither side.
        if (r % 2) {
          direct.push(await time(() => pool.query(compiled.sql, [...compiled.parameters])));
          product.push(
            await time(async () => (hits += (await searchMatters(db, cipher, s, scope)).items.length)),
          );
        } else {
          product.push(
            await time(async () => (hits += (await searchMatters(db, cipher, s, scope)).items.length)),
          );
          direct.push(await time(() => pool.query(compiled.sql, [...compiled.parameters])));
        }
      }
      const p = stats(product.slice(2));
      const d = stats(direct.slice(2));
      console.log(
        `| ${c.label} | ${p.median.toFixed(2)} | ${p.p95.toFixed(2)} | ${d.median.toFixed(2)} | ${d.p95.toFixed(2)} | ${(p.median / d.median).toFixed(2)}× |`,
      );
      if (hits === 0) console.log(`  (warning: no rows found for ${c.label})`);
    }
    for (const c of cases) {
      const compiled = matterListSql(
        cipher,
        { q: c.queries[0]!, page: 1, pageSize: 20 },
        scope,
      ).query.compile(db);
      const plan = await pool.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${compiled.sql}`, [
        ...compiled.parameters,
      ]);
      console.log(`\nEXPLAIN ${c.label} q=${c.queries[0]}`);
      for (const row of plan.rows as { 'QUERY PLAN': string }[]) console.log(`  ${row['QUERY PLAN']}`);
    }
  } finally {
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

/** Used by `npm run bench`; also runs on its own with `npx tsx bench/src/search.bench.ts`. */
export const runSearchBench = main;

if (import.meta.url === `file://${process.argv[1]}`) await main();
