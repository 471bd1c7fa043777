import { DEFAULT_GOLD_CRITERIA } from '@onestop/domain';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * Demo data of training and 金牌 selection (demo installations only, seed/demo.ts): a course held on
 * the seeding day with two attendees, and last year's selection round, open for nominations, with
 * one nomination.
 */
export async function seedTrainingDemo(trx: Transaction<DB>, today: string): Promise<void> {
  const users = new Map(
    (await trx.selectFrom('app_user').select(['id', 'username', 'display_name']).execute()).map((u) => [
      u.username,
      u,
    ]),
  );
  const liqiang = users.get('liqiang');
  const inspector = users.get('inspector');
  const zhangmin = users.get('zhangmin');
  const admin = users.get('admin');
  if (!liqiang || !inspector || !zhangmin) return;
  const course = await trx
    .insertInto('training_course')
    .values({
      title: '劳动人事争议仲裁实务培训',
      topic: '仲裁办案规则、调解书和裁决书制作',
      hours: 8,
      trainer: '市劳动人事争议仲裁院 办案骨干',
      held_on: today,
      place: '一站式劳动保障维权中心三楼培训室',
      audiences: ['part_time_arbitrator', 'part_time_inspector', 'staff'],
      pass_mark: 60,
      created_by: admin?.id ?? null,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('training_attendance')
    .values([
      {
        course_id: course.id,
        user_id: liqiang.id,
        member_id: null,
        person_name: liqiang.display_name,
        score: 86,
        passed: true,
        recorded_by: admin?.id ?? null,
        updated_at: new Date(),
      },
      {
        course_id: course.id,
        user_id: inspector.id,
        member_id: null,
        person_name: inspector.display_name,
        score: null,
        passed: null,
        recorded_by: admin?.id ?? null,
        updated_at: new Date(),
      },
    ])
    .execute();
  const year = Number(today.slice(0, 4)) - 1;
  const round = await trx
    .insertInto('gold_round')
    .values({
      year,
      title: `${year}年度金牌调解组织和金牌调解员评选`,
      criteria: JSON.stringify(DEFAULT_GOLD_CRITERIA),
      scored_at: null,
      approved_by: null,
      approved_by_name: null,
      approved_at: null,
      approval_note: null,
      published_at: null,
      created_by: admin?.id ?? null,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('gold_nomination')
    .values({
      round_id: round.id,
      kind: 'mediator',
      organization_id: null,
      user_id: zhangmin.id,
      member_id: null,
      nominee_name: zhangmin.display_name,
      affiliation: '随州市劳动人事争议仲裁院',
      reason: '全年主持调解案件较多，调解书制作规范',
      score_centi: null,
      nominated_by: admin?.id ?? null,
    })
    .execute();
}
