import { type FormEvent, useEffect, useState } from 'react';
import type { ApiResponse } from '../../../src/lib/api-shapes';
import { api, errorText, type PortalResponse, publicApi } from '../api';
import { day } from './Matters';

function useLoad<T>(load: () => Promise<T>): { data: T | null; error: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per page
  useEffect(() => {
    load()
      .then(setData)
      .catch((e) => setError(errorText(e)));
  }, []);
  return { data, error };
}

type Site = PortalResponse<'/public/sites'>['items'][number];

export function SitesPage() {
  const { data, error } = useLoad(() => api<{ items: Site[] }>('/public/sites'));
  return (
    <>
      <h1>服务网点</h1>
      {error ? <p className="alert error">{error}</p> : null}
      {data?.items.some((s) => s.demo) ? (
        <p className="alert">以下地址、电话为演示数据，正式使用前以中心公布为准。</p>
      ) : null}
      {data?.items.map((s) => (
        <section className="card" key={s.id} aria-labelledby={`site-${s.id}`}>
          <h2 id={`site-${s.id}`}>{s.name}</h2>
          <p>地址：{s.address}</p>
          <p>办公时间：{s.hours}</p>
          {s.phone ? (
            <p>
              电话：<a href={`tel:${s.phone}`}>{s.phone}</a>
            </p>
          ) : null}
          <p className="hint">可办理：{s.services}</p>
        </section>
      ))}
    </>
  );
}

export function CasesPage() {
  const { data, error } = useLoad(() =>
    api<{ items: { id: string; title: string; summary: string; outcome: string; publishedAt: string }[] }>(
      '/public/model-cases',
    ),
  );
  return (
    <>
      <h1>典型案例</h1>
      {error ? <p className="alert error">{error}</p> : null}
      {data?.items.length === 0 ? <p className="hint">暂无案例。</p> : null}
      {data?.items.map((c) => (
        <article className="card" key={c.id} aria-labelledby={`case-${c.id}`}>
          <h2 id={`case-${c.id}`}>{c.title}</h2>
          <p>{c.summary}</p>
          <p>
            <strong>处理结果：</strong>
            {c.outcome}
          </p>
          <p className="hint">发布于 {day(c.publishedAt)}</p>
        </article>
      ))}
    </>
  );
}

/** 数据公开: the figures the bureau chose to publish (last full quarter, the whole city; under 5 shown as <5). */
export function StatisticsPage() {
  const { data, error } = useLoad(() =>
    publicApi<{
      published: boolean;
      periodLabel: string | null;
      items: { table: string; label: string; unit: string; text: string }[];
    }>('/api/public/statistics'),
  );
  return (
    <>
      <h1>数据公开</h1>
      {error ? <p className="alert error">{error}</p> : null}
      {data && !data.published ? <p className="hint">暂未公开统计数据。</p> : null}
      {data?.published ? (
        <section className="card" aria-labelledby="stats-period" data-testid="public-stats">
          <h2 id="stats-period">全市 {data.periodLabel}</h2>
          <dl className="figures">
            {data.items.map((i) => (
              <div key={`${i.table}-${i.label}`}>
                <dt>
                  {i.label}
                  <span className="hint">（{i.table}）</span>
                </dt>
                <dd>
                  {i.text}
                  {i.unit}
                </dd>
              </div>
            ))}
          </dl>
          <p className="hint">少于5的数字显示为“&lt;5”，以免识别到个人。</p>
        </section>
      ) : null}
    </>
  );
}

export function KnowledgePage() {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<
    { id: string; topic: string; question: string; answer: string; basis: string | null }[] | null
  >(null);
  const [error, setError] = useState<string | null>(null);
  const search = async (e?: FormEvent) => {
    e?.preventDefault();
    try {
      const r = await publicApi<{ items: NonNullable<typeof items> }>(
        `/api/public/kb${q.trim() ? `?q=${encodeURIComponent(q.trim())}` : ''}`,
      );
      setItems(r.items);
      setError(null);
    } catch (err) {
      setError(
        (err as { status?: number }).status === 404
          ? '常见问题正在整理中，请先拨打 12333 咨询。'
          : errorText(err),
      );
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: first load only
  useEffect(() => {
    void search();
  }, []);
  return (
    <>
      <h1>常见问题</h1>
      <form onSubmit={search} className="row">
        <label htmlFor="kb-q" style={{ margin: 0 }}>
          搜索
        </label>
        <input id="kb-q" value={q} onChange={(e) => setQ(e.target.value)} style={{ flex: 1 }} />
        <button type="submit">搜索</button>
      </form>
      {error ? <p className="alert">{error}</p> : null}
      {items?.length === 0 ? <p className="hint">没有找到，可以网上咨询留言。</p> : null}
      {items?.map((k) => (
        <details className="card" key={k.id}>
          <summary>
            <strong>{k.question}</strong> <span className="tag">{k.topic}</span>
          </summary>
          <p>{k.answer}</p>
          {k.basis ? <p className="hint">依据：{k.basis}</p> : null}
        </details>
      ))}
    </>
  );
}

/** The clocks catalogue (GET /api/clocks/rules), from the generated API types. */
type Rule = ApiResponse<'/api/clocks/rules'>['items'][number];

export function CalculatorPage() {
  const { data } = useLoad(() => publicApi<{ items: Rule[] }>('/api/clocks/rules'));
  const [rule, setRule] = useState('arbitration.limitation');
  const [from, setFrom] = useState('');
  const [result, setResult] = useState<{ due: string; basis: string; explanation: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const calc = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setResult(await publicApi(`/api/clocks/calculate?rule=${encodeURIComponent(rule)}&from=${from}`));
    } catch (err) {
      setResult(null);
      setError(errorText(err));
    }
  };
  const chosen = data?.items.find((r) => r.id === rule);
  return (
    <form onSubmit={calc}>
      <h1>期限计算</h1>
      <label htmlFor="rule">哪一个期限</label>
      <select id="rule" value={rule} onChange={(e) => setRule(e.target.value)}>
        {data?.items.map((r) => (
          <option key={r.id} value={r.id}>
            {r.trackLabel}：{r.name}
          </option>
        ))}
      </select>
      {chosen ? <p className="hint">从何时起算：{chosen.trigger}</p> : null}
      <label htmlFor="from">起算日期</label>
      <input id="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      <button type="submit" className="wide" disabled={!from}>
        计算
      </button>
      {error ? <p className="alert error">{error}</p> : null}
      {result ? (
        <div className="card" role="status">
          <p>
            到期日：<span className="big">{result.due}</span>
          </p>
          <p>{result.explanation}</p>
          <p className="hint">依据：{result.basis}</p>
        </div>
      ) : null}
    </form>
  );
}
