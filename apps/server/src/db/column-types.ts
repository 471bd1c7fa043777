import type { ColumnType } from 'kysely';

/**
 * The column types every `*.tables.ts` shares, defined once. Selected values are what the driver
 * returns; inserts and updates take what Kysely may send (jsonb as a JSON string).
 */

/** timestamptz: read as Date; written as Date or ISO string; optional on insert (DEFAULT now()). */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A nullable jsonb column: null or omitted on insert. */
export type Json = ColumnType<unknown, string | null | undefined, string | null>;

/** A NOT NULL jsonb column with a DEFAULT: may be omitted on insert, never set to null. */
export type JsonDefaulted = ColumnType<unknown, string | undefined, string>;

/** A NOT NULL jsonb column without a default: required on insert. */
export type JsonRequired = ColumnType<unknown, string, string>;
