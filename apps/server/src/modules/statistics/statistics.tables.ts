import type { ColumnType, Generated } from 'kysely';

/** Statistical facts (migration 0068): the CaseFact of each track case, kept current by triggers. */
export interface StatCaseFactTable {
  case_id: string;
  /** 0: the case in its own track; 1: the commission's pre-arbitration mediation of an arbitration case. */
  part: number;
  track: string;
  case_number: string;
  jurisdiction_id: string;
  opened_at: ColumnType<Date, Date | string, Date | string>;
  closed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  fact: ColumnType<unknown, string, string>;
  computed_at: Generated<Date>;
}

/** Cases whose facts must be recomputed (append-only; see the migration). */
export interface StatFactDirtyTable {
  id: Generated<string>;
  case_id: string;
}

export interface StatisticsTables {
  stat_case_fact: StatCaseFactTable;
  stat_fact_dirty: StatFactDirtyTable;
}
