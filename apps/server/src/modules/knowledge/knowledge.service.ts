import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { likeEscape } from '../parties';
import type { KbEntryTable } from './knowledge.tables';

type Row = Selectable<KbEntryTable>;

/** Words staff and visitors use for the same thing (the seed entries use the legal terms). */
const SYNONYMS: Record<string, string[]> = {
  欠薪: ['欠薪', '拖欠工资', '拖欠劳动报酬'],
  讨薪: ['欠薪', '拖欠工资'],
  工资: ['工资', '劳动报酬'],
  加班: ['加班', '延长工作时间'],
  时效: ['时效', '仲裁时效'],
  合同: ['劳动合同', '合同'],
  法援: ['法律援助'],
  律师: ['法律援助', '指派'],
  老板: ['用人单位', '老板', '包工头'],
  公司: ['用人单位', '公司'],
};

/** Bigrams that carry no meaning in a question ("怎么办", "可以吗"). */
const STOP = new Set([
  '怎么',
  '么办',
  '什么',
  '如何',
  '可以',
  '应该',
  '请问',
  '是否',
  '我们',
  '我的',
  '一下',
  '能不',
  '不能',
  '需要',
]);

const CJK = /[\u3400-\u9fff]/;

/**
 * Chinese "full-text-ish" search: the query is split on spaces; a long CJK word becomes its
 * overlapping bigrams (Chinese has no spaces, bigrams approximate words); short words and known
 * colloquialisms expand to the legal terms. Each term is a substring test on the trigger-kept
 * search_text (pg_trgm gin index for terms of three characters or more); an entry must match a
 * third of the terms (all of them for one or two), and ranks by the number matched, then question/topic hits, then
 * trigram similarity.
 */
export function searchTerms(q: string): string[][] {
  const groups: string[][] = [];
  for (const word of q.split(/[\s,，。？?！!、；;：:]+/).filter(Boolean)) {
    const syn = SYNONYMS[word];
    if (syn) {
      groups.push(syn);
      continue;
    }
    const chars = Array.from(word);
    if (chars.length >= 4 && chars.every((c) => CJK.test(c))) {
      for (let i = 0; i + 1 < chars.length; i++) {
        const bigram = chars[i]! + chars[i + 1]!;
        if (!STOP.has(bigram)) groups.push(SYNONYMS[bigram] ?? [bigram]);
      }
    } else {
      groups.push([word]);
    }
  }
  return groups.slice(0, 24);
}

export async function searchEntries(
  db: Kysely<DB>,
  opts: { q?: string | undefined; topic?: string | undefined; publishedOnly: boolean; limit: number },
): Promise<Row[]> {
  const groups = opts.q ? searchTerms(opts.q) : [];
  const matchOf = (alts: string[]) =>
    sql<number>`(CASE WHEN ${sql.join(
      alts.map((t) => sql`k.search_text ILIKE ${`%${likeEscape(t)}%`}`),
      sql` OR `,
    )} THEN 1 ELSE 0 END)`;
  const score = groups.length ? sql<number>`(${sql.join(groups.map(matchOf), sql` + `)})` : sql<number>`0`;
  const need = groups.length <= 2 ? groups.length : Math.ceil(groups.length / 3);
  const whole = opts.q ? likeEscape(opts.q) : '';
  const r = await sql<Row & { score: number }>`
    SELECT k.*, ${score} AS score FROM kb_entry k
     WHERE TRUE
       ${opts.publishedOnly ? sql`AND k.published` : sql``}
       ${opts.topic ? sql`AND k.topic = ${opts.topic}` : sql``}
       ${groups.length ? sql`AND ${score} >= ${need}` : sql``}
     ORDER BY score DESC,
       ${whole ? sql`(k.question ILIKE ${`%${whole}%`} OR k.topic = ${opts.q ?? ''} OR ${opts.q ?? ''} = ANY(k.tags)) DESC,` : sql``}
       ${whole ? sql`similarity(k.search_text, ${opts.q ?? ''}) DESC,` : sql``}
       k.topic, k.updated_at DESC
     LIMIT ${opts.limit}`.execute(db);
  return r.rows;
}

export async function topics(db: Kysely<DB>, publishedOnly: boolean): Promise<string[]> {
  let q = db.selectFrom('kb_entry').select('topic').distinct().orderBy('topic');
  if (publishedOnly) q = q.where('published', '=', true);
  return (await q.execute()).map((r) => r.topic);
}

export function presentEntry(r: Row) {
  return {
    id: r.id,
    topic: r.topic,
    question: r.question,
    answer: r.answer,
    basis: r.basis,
    tags: r.tags,
    published: r.published,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export function presentPublic(r: Row) {
  const { published: _p, version: _v, ...rest } = presentEntry(r);
  return rest;
}
