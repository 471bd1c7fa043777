import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { ROLES } from '@onestop/domain';
import { ConfigError, loadConfig } from './config/env';
import { openDatabase } from './db/database';
import { migrate } from './db/migrate';
import { appendAudit, auditKeyOf } from './platform/audit';
import { appendAnchor, parseAnchors, verifyAuditChain } from './platform/audit-verify';
import { backupDatabase, digestDatabase, restoreDatabase } from './platform/backup';
import { cipherFromConfig } from './platform/crypto';
import { rekeyAll } from './platform/rekey';
import { hashPassword, passwordPolicyViolation } from './platform/passwords';
import { seedDemo } from './seed/demo';
import { seedReference } from './seed/reference';
import { systemActor } from './platform/system';

const DEFAULT_ANCHORS = './data/audit-anchors.jsonl';

const HELP = `onestop 命令行 (npm run cli -- <command>)

  migrate                         应用数据库迁移
  seed [--demo]                   载入辖区与机构（--demo 同时载入演示用户）
  create-admin --username U --name N [--password P]
                                  创建第一个系统管理员（未给出密码时交互输入；首次登录须改密）
  audit verify [--anchors FILE]   校验审计日志各条哈希链及锚点文件，发现被修改、删除或清空的记录（异常时退出码 2）
  audit anchor [--out FILE]       把各链链头（哈希与条数）追加写入锚点文件（默认 ${DEFAULT_ANCHORS}），
                                  请每日运行，并把文件存放到数据库服务器以外
  rekey                           用当前 SECRET_KEY 重新加密所有加密字段（可中断后续跑，显示进度）
  backup <file>                   备份整个数据库到文件（gzip JSON lines）
  restore <file> [--force]        从备份恢复到已迁移的空数据库
  digest                          打印每张表的行数与内容哈希

数据库：设置 DATABASE_URL 使用 PostgreSQL；否则使用 PGLITE_DIR（默认 ./data/pglite，使用前请先停止服务）。`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: config.pgliteDir,
    poolMax: 2,
    auditKey: config.auditKey,
  });
  try {
    switch (command) {
      case 'migrate': {
        const r = await migrate(database.pool);
        console.log(`迁移完成：新应用 ${r.applied.length} 个，共 ${r.total} 个 ${r.applied.join(' ')}`);
        return 0;
      }
      case 'seed': {
        await migrate(database.pool);
        const ref = await seedReference(database.db);
        const demo = args.includes('--demo') ? await seedDemo(database.db, cipherFromConfig(config)) : false;
        console.log(
          `辖区与机构：${ref ? '已载入' : '已存在，跳过'}；演示用户：${demo ? '已载入' : '未载入'}`,
        );
        return 0;
      }
      case 'create-admin': {
        await migrate(database.pool);
        await seedReference(database.db);
        const username = flag(args, 'username');
        const name = flag(args, 'name') ?? '系统管理员';
        let password = flag(args, 'password');
        if (!username) {
          console.error('请用 --username 指定登录名');
          return 1;
        }
        if (!password) {
          const rl = createInterface({ input: process.stdin, output: process.stdout });
          password = await rl.question('初始密码（至少 10 位，含三类字符）: ');
          rl.close();
        }
        const violation = passwordPolicyViolation(password, username);
        if (violation) {
          console.error(`密码不符合要求：${violation}`);
          return 1;
        }
        const hash = await hashPassword(password);
        await database.db.transaction().execute(async (trx) => {
          const exists = await trx
            .selectFrom('app_user')
            .select('id')
            .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
            .executeTakeFirst();
          if (exists) throw new Error(`登录名 ${username} 已存在`);
          const city = await trx
            .selectFrom('jurisdiction')
            .select('id')
            .where('parent_id', 'is', null)
            .orderBy('sort')
            .executeTakeFirstOrThrow();
          const org = await trx
            .selectFrom('organization')
            .select('id')
            .where('partner_role', '=', 'lead')
            .where('parent_id', 'is', null)
            .orderBy('sort')
            .executeTakeFirstOrThrow();
          const user = await trx
            .insertInto('app_user')
            .values({
              username,
              display_name: name,
              organization_id: org.id,
              password_hash: hash,
              must_change_password: true,
              updated_at: new Date(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('user_role')
            .values({ user_id: user.id, role: 'sysadmin', jurisdiction_id: city.id })
            .execute();
          await appendAudit(trx, systemActor('命令行创建系统管理员'), {
            action: 'user.create',
            entityType: 'user',
            entityId: user.id,
            summary: `命令行创建${ROLES.sysadmin.label} ${name}（${username}）`,
          });
        });
        console.log(`已创建系统管理员 ${username}；首次登录须修改密码。`);
        return 0;
      }
      case 'audit': {
        if (args[0] === 'anchor') {
          const file = flag(args, 'out') ?? DEFAULT_ANCHORS;
          const anchor = await appendAnchor(database.db, file);
          const entries = anchor.streams.reduce((n, s) => n + s.seq, 0);
          console.log(`已写入锚点：${anchor.streams.length} 条链，共 ${entries} 条记录 → ${file}`);
          return 0;
        }
        if (args[0] !== 'verify') {
          console.error('用法：audit verify [--anchors FILE] | audit anchor [--out FILE]');
          return 1;
        }
        const file = flag(args, 'anchors');
        let anchors: ReturnType<typeof parseAnchors>['anchors'] = [];
        if (file) {
          const parsed = parseAnchors(readFileSync(file, 'utf8'), auditKeyOf(database.db));
          if (parsed.bad.length) {
            console.log(
              `锚点文件 ${file} 第 ${parsed.bad.join('、')} 行无效（签名不符，可能被改写或 AUDIT_KEY 不同）`,
            );
            return 2;
          }
          anchors = parsed.anchors;
        }
        const r = await verifyAuditChain(database.db, { anchors });
        console.log(r.message);
        return r.ok ? 0 : 2;
      }
      case 'rekey': {
        await migrate(database.pool);
        const cipher = cipherFromConfig(config);
        const r = await rekeyAll(database.db, cipher, (p) =>
          console.log(`${p.table}.${p.column}：${p.done}/${p.total}`),
        );
        console.log(
          `重新加密完成：${r.columns} 个加密字段，本次改写 ${r.rewritten} 项（密钥 ${cipher.keyId}）`,
        );
        return 0;
      }
      case 'backup': {
        const file = args[0];
        if (!file) {
          console.error('用法：backup <file>');
          return 1;
        }
        const r = await backupDatabase(database.pool, file);
        console.log(`备份完成：${r.tables} 张表，${r.rows} 行 → ${file}`);
        return 0;
      }
      case 'restore': {
        const file = args[0];
        if (!file) {
          console.error('用法：restore <file> [--force]');
          return 1;
        }
        await migrate(database.pool);
        const r = await restoreDatabase(database.pool, file, { force: args.includes('--force') });
        console.log(`恢复完成：${r.tables} 张表，${r.rows} 行`);
        return 0;
      }
      case 'digest': {
        for (const d of await digestDatabase(database.pool)) console.log(`${d.table}\t${d.rows}\t${d.hash}`);
        return 0;
      }
      default:
        console.error(`未知命令：${command}\n\n${HELP}`);
        return 1;
    }
  } finally {
    await database.close();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(
      err instanceof ConfigError ? err.message : `错误：${err instanceof Error ? err.message : err}`,
    );
    process.exit(1);
  });
