import Fastify from 'fastify';
import pg from 'pg';

/**
 * The baseline: a bare Fastify + pg server answering the same SELECT the product's list endpoint
 * runs, with no authentication, validation, audit or presenters.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get('/list', async () => {
  const r = await pool.query(
    'SELECT id, code, name, parent_id, level, version FROM jurisdiction ORDER BY sort, code',
  );
  return { items: r.rows };
});
const port = Number(process.env.PORT ?? 3990);
await app.listen({ host: '127.0.0.1', port });
console.log(`bare server on ${port}`);
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
