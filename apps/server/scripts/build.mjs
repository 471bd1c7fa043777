/**
 * Builds the server to JavaScript for production (`npm run build:server`): esbuild bundles
 * src/main.ts and src/cli.ts with the workspace's @onestop/domain (TypeScript sources) into
 * dist/, and leaves every npm package external (resolved from node_modules at run time, as in
 * development). Files read at run time next to the code are copied beside the bundle: the SQL
 * migrations (db/migrate.ts looks in `<dir of the running module>/migrations`). The PDF fonts come
 * from node_modules (@expo-google-fonts/noto-serif-sc) and the web app from WEB_DIST, as before.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(serverDir, 'dist');

/** Bare imports stay imports, except our own workspace packages (shipped as TypeScript). */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@onestop/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
const started = performance.now();
await build({
  entryPoints: { main: path.join(serverDir, 'src/main.ts'), cli: path.join(serverDir, 'src/cli.ts') },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  plugins: [externalPackages],
  logLevel: 'warning',
});
cpSync(path.join(serverDir, 'src/db/migrations'), path.join(outdir, 'migrations'), { recursive: true });
console.log(
  `server built to ${path.relative(process.cwd(), outdir)} in ${Math.round(performance.now() - started)} ms`,
);
