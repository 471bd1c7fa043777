import { GUIDE_QUESTIONS, GUIDE_RESULTS, GUIDE_START, type GuideQuestion, type GuideResult } from './tree';

const QUESTIONS = new Map(GUIDE_QUESTIONS.map((q) => [q.id, q]));
const RESULTS = new Map(GUIDE_RESULTS.map((r) => [r.id, r]));

export type GuideStep =
  | { kind: 'question'; question: GuideQuestion; answered: { question: string; answer: string }[] }
  | { kind: 'result'; result: GuideResult; answered: { question: string; answer: string }[] };

export class GuideError extends Error {
  constructor(
    readonly code: 'GUIDE_UNKNOWN_OPTION' | 'GUIDE_TOO_MANY_ANSWERS',
    message: string,
  ) {
    super(message);
  }
}

/** Walks the tree with the option ids chosen so far: the next question, or the result. */
export function walkGuide(answers: readonly string[]): GuideStep {
  let question = QUESTIONS.get(GUIDE_START)!;
  const answered: { question: string; answer: string }[] = [];
  for (const [i, optionId] of answers.entries()) {
    const option = question.options.find((o) => o.id === optionId);
    if (!option) throw new GuideError('GUIDE_UNKNOWN_OPTION', `第${i + 1}个回答“${optionId}”不在选项中`);
    answered.push({ question: question.text, answer: option.label });
    if ('result' in option.next) {
      if (i !== answers.length - 1) throw new GuideError('GUIDE_TOO_MANY_ANSWERS', '回答多于问题');
      return { kind: 'result', result: RESULTS.get(option.next.result)!, answered };
    }
    question = QUESTIONS.get(option.next.question)!;
  }
  return { kind: 'question', question, answered };
}

/** Structural problems of the tree (unknown targets, unreachable nodes, cycles): [] when sound. */
export function guideProblems(knownRuleIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const reached = new Set<string>();
  const visit = (id: string, path: string[]) => {
    if (path.includes(id)) {
      problems.push(`循环：${[...path, id].join(' → ')}`);
      return;
    }
    const q = QUESTIONS.get(id);
    if (!q) {
      problems.push(`问题不存在：${id}`);
      return;
    }
    reached.add(id);
    for (const o of q.options) {
      if ('result' in o.next) {
        if (!RESULTS.has(o.next.result)) problems.push(`结果不存在：${o.next.result}`);
        reached.add(`result:${o.next.result}`);
      } else visit(o.next.question, [...path, id]);
    }
  };
  visit(GUIDE_START, []);
  for (const q of GUIDE_QUESTIONS) if (!reached.has(q.id)) problems.push(`问题无法到达：${q.id}`);
  for (const r of GUIDE_RESULTS) {
    if (!reached.has(`result:${r.id}`)) problems.push(`结果无法到达：${r.id}`);
    for (const rule of r.clockRuleIds) if (!knownRuleIds.has(rule)) problems.push(`期限规则不存在：${rule}`);
    if (r.materials.length === 0) problems.push(`结果缺少材料清单：${r.id}`);
  }
  return problems;
}
