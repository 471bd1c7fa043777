import { walkGuide } from '@onestop/domain/portal-guide/index';
import { useEffect, useState } from 'react';
import type { ApiResponse } from '../../../src/lib/api-shapes';
import { publicApi } from '../api';
import { Link } from '../router';

/** The clocks catalogue (GET /api/clocks/rules), from the generated API types. */
type Rule = ApiResponse<'/api/clocks/rules'>['items'][number];

const APPLY_LINKS: Record<string, { to: string; label: string }> = {
  question: { to: '/question', label: '网上咨询留言' },
  complaint: { to: '/apply/complaint', label: '网上投诉' },
  report: { to: '/report', label: '匿名举报' },
  mediation: { to: '/apply/mediation', label: '网上申请调解' },
  arbitration: { to: '/apply/arbitration', label: '网上申请仲裁' },
};

/** 维权指引: the question tree of the domain package, one question at a time. */
export function GuidePage() {
  const [answers, setAnswers] = useState<string[]>([]);
  const [rules, setRules] = useState<Rule[]>([]);
  useEffect(() => {
    publicApi<{ items: Rule[] }>('/api/clocks/rules')
      .then((r) => setRules(r.items))
      .catch(() => setRules([]));
  }, []);
  const step = walkGuide(answers);
  return (
    <>
      <h1>维权指引</h1>
      {step.answered.length ? (
        <div className="card">
          <h2>您的回答</h2>
          <ul className="plain">
            {step.answered.map((a) => (
              <li key={a.question}>
                {a.question} <strong>{a.answer}</strong>
              </li>
            ))}
          </ul>
          <button type="button" className="secondary" onClick={() => setAnswers(answers.slice(0, -1))}>
            上一步
          </button>
        </div>
      ) : null}
      {step.kind === 'question' ? (
        <fieldset className="card">
          <legend>
            <strong>{step.question.text}</strong>
          </legend>
          {step.question.hint ? <p className="hint">{step.question.hint}</p> : null}
          {step.question.options.map((o) => (
            <button
              key={o.id}
              type="button"
              className="secondary wide"
              onClick={() => setAnswers([...answers, o.id])}
              data-testid={`guide-${o.id}`}
            >
              {o.label}
            </button>
          ))}
        </fieldset>
      ) : (
        <section className="card" aria-labelledby="result">
          <h2 id="result">建议：{step.result.title}</h2>
          <p>{step.result.why}</p>
          <p className="hint">依据：{step.result.basis}</p>
          {step.result.clockRuleIds.length ? (
            <>
              <h2>要注意的期限</h2>
              <ul className="plain">
                {step.result.clockRuleIds.map((id) => {
                  const r = rules.find((x) => x.id === id);
                  return <li key={id}>{r ? `${r.name}：${r.duration}${r.unitLabel}（${r.basis}）` : id}</li>;
                })}
              </ul>
              <p className="hint">
                可以用<Link to="/calculator">期限计算</Link>算出具体日期。
              </p>
            </>
          ) : null}
          <h2>请准备这些材料</h2>
          <ul className="plain">
            {step.result.materials.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          {step.result.legalAid ? (
            <p className="alert">您可以申请法律援助；农民工追讨工资、工伤赔偿不用审查经济困难。</p>
          ) : null}
          {step.result.apply ? (
            <Link className="button wide" to={APPLY_LINKS[step.result.apply]!.to}>
              {APPLY_LINKS[step.result.apply]!.label}
            </Link>
          ) : null}
          <p className="hint">以上是根据您的回答给出的建议，最终由工作人员审核决定。</p>
          <button type="button" className="secondary" onClick={() => setAnswers([])}>
            重新开始
          </button>
        </section>
      )}
    </>
  );
}
