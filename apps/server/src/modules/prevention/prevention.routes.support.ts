import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { withIdempotency } from '../../platform/idempotency';
import { MEDIA } from '../../platform/openapi-content';

/** An Excel download with its Chinese file name. */
export function sendXlsx(reply: FastifyReply, fileName: string, data: Buffer | Uint8Array) {
  return reply
    .type(MEDIA.xlsx)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(data);
}

/**
 * The shape of every POST of this module that creates (or converts into) one record: 201 with the record
 * as presented; with an Idempotency-Key a retry gets the first result, rebuilt from the id the first
 * write transaction returned.
 */
export function createdResponder(db: Kysely<DB>) {
  return <T>(
    req: FastifyRequest,
    reply: FastifyReply,
    scope: string,
    create: () => Promise<string>,
    present: (id: string) => Promise<T>,
  ) => {
    const respond = async (id: string) => ({ status: 201, body: await present(id) });
    return withIdempotency(
      db,
      req,
      reply,
      scope,
      async () => respond(await create()),
      (id) => respond(id as string),
    );
  };
}
