import { startServer } from './bootstrap';
import { ConfigError, loadConfig } from './config/env';
import { installSignalHandlers } from './platform/shutdown';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const server = await startServer(config);
  const log = server.app.log;
  log.info({ backend: server.database.backend, demoMode: config.demoMode }, 'onestop started');
  if (config.keyFileCreated) {
    log.warn(
      { keyFile: config.keyFile, auditKeyFile: config.auditKeyFile },
      '已生成加密密钥与审计密钥并写入数据目录（权限 0600），请与数据一起备份 (generated SECRET_KEY/AUDIT_KEY into the data folder)',
    );
  }
  if (!config.demoMode && !config.auditAnchorFile) {
    log.warn(
      '未设置 AUDIT_ANCHOR_FILE：审计日志锚点不会每日自动导出，请设置或用 cron 运行 cli audit anchor (no daily audit anchor)',
    );
  }
  if (config.smsProvider === 'log') {
    log.warn(
      '未配置短信服务：短信只写入日志，不会送达（状态为“仅记录”）(no SMS provider: messages are logged, not sent)',
    );
  }
  // PORT=0 picks a free port: show the one actually bound.
  const port = new URL(server.url).port;
  const lines = [
    '',
    '一站式劳动保障维权平台 onestop 已启动',
    `  访问地址: http://localhost:${port}`,
    `  接口文档: http://localhost:${port}/api/docs`,
    `  数据库:   ${server.database.backend === 'pglite' ? `内嵌 PGlite (${config.pgliteDir})` : 'PostgreSQL (DATABASE_URL)'}`,
  ];
  if (config.demoMode) {
    lines.push(`  【演示环境】演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const u of DEMO_USERS) {
      lines.push(`    ${u.username.padEnd(10)} ${u.displayName}  ${u.roles.map((r) => r.role).join(' + ')}`);
    }
  }
  console.log(lines.join('\n'));

  installSignalHandlers(server, {
    drainDelayMs: config.shutdownDrainDelayMs,
    graceMs: config.shutdownGraceMs,
    log,
  });
}

main().catch((err) => {
  console.error('启动失败 (startup failed):', err instanceof Error ? err.message : err);
  process.exit(1);
});
