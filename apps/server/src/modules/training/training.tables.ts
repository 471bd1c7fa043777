import type { ColumnType, Generated } from 'kysely';

/** Kysely types of migrations 0078_training.sql and 0079_gold_medal.sql. */
type DateCol = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;
type JsonRequired = ColumnType<unknown, string, string>;

export interface TrainingRequirementTable {
  audience: string;
  min_hours: number;
  basis: string;
  version: Generated<number>;
}

export interface TrainingCourseTable {
  id: Generated<string>;
  title: string;
  topic: string;
  hours: number;
  trainer: string;
  held_on: DateCol;
  place: string;
  audiences: string[];
  pass_mark: number | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Date | string;
}

export interface TrainingAttendanceTable {
  id: Generated<string>;
  course_id: string;
  user_id: string | null;
  member_id: string | null;
  person_name: string;
  score: number | null;
  passed: boolean | null;
  version: Generated<number>;
  recorded_by: string | null;
  created_at: Generated<Date>;
  updated_at: Date | string;
}

export interface CertificateRenewalTable {
  id: Generated<string>;
  certificate_id: string;
  previous_valid_to: DateCol;
  new_valid_to: DateCol;
  training_year: number;
  hours_done: number;
  hours_required: number;
  renewed_by: string | null;
  renewed_by_name: string;
  renewed_at: Generated<Date>;
}

export interface TrainingEventTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: string;
  action: string;
  summary: string;
  actor_id: string | null;
  actor_name: string;
  at: Generated<Date>;
}

export interface GoldCriterionTable {
  code: string;
  label: string;
  weight: number;
  target: number | null;
  basis: string;
  sort: number;
  version: Generated<number>;
}

export interface GoldRoundTable {
  id: Generated<string>;
  year: number;
  title: string;
  status: Generated<'open' | 'marking' | 'scored' | 'approved' | 'published'>;
  criteria: JsonRequired;
  scored_at: Date | null;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  approval_note: string | null;
  published_at: Date | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Date | string;
}

export interface GoldNominationTable {
  id: Generated<string>;
  round_id: string;
  kind: 'organization' | 'mediator';
  organization_id: string | null;
  user_id: string | null;
  member_id: string | null;
  nominee_name: string;
  affiliation: Generated<string>;
  reason: string;
  complaints: Generated<number>;
  record: Json;
  parts: Json;
  score_centi: number | null;
  awarded: Generated<boolean>;
  nominated_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface GoldMarkTable {
  nomination_id: string;
  panelist_id: string;
  panelist_name: string;
  mark: number;
  comment: string | null;
  created_at: Generated<Date>;
  updated_at: Date | string;
}

export interface TrainingTables {
  training_requirement: TrainingRequirementTable;
  training_course: TrainingCourseTable;
  training_attendance: TrainingAttendanceTable;
  certificate_renewal: CertificateRenewalTable;
  training_event: TrainingEventTable;
  gold_criterion: GoldCriterionTable;
  gold_round: GoldRoundTable;
  gold_nomination: GoldNominationTable;
  gold_mark: GoldMarkTable;
}
