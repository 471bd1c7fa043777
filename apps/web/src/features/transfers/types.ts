import type { Schema } from '../../lib/api-types';
import type { QueryOf } from '../../lib/api-types-helpers';

/** Generated from the server's OpenAPI (lib/api-types.ts). */
export type Transfer = Schema<'Transfer'>;

export type TransferBox = NonNullable<QueryOf<'/api/transfers'>['box']>;
