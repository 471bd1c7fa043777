import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../db/column-types';

/** Knowledge base entry (migration 0010); search_text is maintained by a trigger. */
export interface KbEntryTable {
  id: Generated<string>;
  topic: string;
  question: string;
  answer: string;
  basis: string;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  published: Generated<boolean>;
  search_text: Generated<string>;
  version: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface KnowledgeTables {
  kb_entry: KbEntryTable;
}
