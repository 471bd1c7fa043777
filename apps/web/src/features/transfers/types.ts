import type { Schema } from '../../lib/api-types';

/** Generated from the server's OpenAPI (lib/api-types.ts). */
export type Transfer = Schema<'Transfer'>;

export type TransferBox = 'inbox' | 'outbox';
