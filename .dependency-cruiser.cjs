/**
 * Dependency rules of the onestop monorepo (docs/ARCHITECTURE.md explains the layers).
 * Checked by scripts/check-architecture.ts (`npm run check:architecture`, part of `npm test`), which
 * also collapses the file graph to the server's modules and reports every cycle between them.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'packages/domain is the pure core: it imports nothing of the server or the web (and no I/O).',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { path: '^(apps|e2e|bench)/' },
    },
    {
      name: 'domain-no-io',
      comment: 'packages/domain does no I/O: no node:fs, node:net, node:http, node:child_process.',
      severity: 'error',
      from: { path: '^packages/domain/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'], path: '^(fs|net|http|https|child_process|dgram|tls)(/|$)' },
    },
    {
      name: 'platform-imports-no-module',
      comment: 'apps/server/src/platform is below the feature modules: it never imports one.',
      severity: 'error',
      from: { path: '^apps/server/src/platform/' },
      to: { path: '^apps/server/src/modules/' },
    },
    {
      name: 'platform-imports-no-app',
      comment:
        'platform/ must not import app.ts (the composition root); AppContext lives in platform/context.ts.',
      severity: 'error',
      from: { path: '^apps/server/src/platform/' },
      to: { path: '^apps/server/src/app\\.ts$' },
    },
    {
      name: 'web-imports-no-server',
      comment: 'The web app talks to the server over HTTP only; it may import @onestop/domain.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(apps/server|e2e|bench)/' },
    },
    {
      name: 'modules-do-not-import-app',
      comment: 'A module never imports app.ts (the composition root): the context lives in platform/.',
      severity: 'error',
      from: { path: '^apps/server/src/modules/' },
      to: { path: '^apps/server/src/app\\.ts$' },
    },
    {
      name: 'module-imports-through-index',
      comment:
        "A module reaches another module only through that module's index.ts (its public API), never its files. " +
        'Tests may reach in.',
      severity: 'error',
      from: { path: '^apps/server/src/modules/([^/]+)/', pathNot: '\\.test\\.tsx?$' },
      to: {
        path: '^apps/server/src/modules/[^/]+/',
        pathNot: ['^apps/server/src/modules/$1/', '^apps/server/src/modules/[^/]+/index\\.ts$'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'],
    },
  },
};
