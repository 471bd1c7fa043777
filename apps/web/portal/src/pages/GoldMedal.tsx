import { useEffect, useState } from 'react';
import type { Schema } from '../../../src/lib/api-types';
import { errorCode, publicApi } from '../api';

type PublicGold = Schema<'PublicGoldMedal'>;

/** 金牌调解组织和金牌调解员: the results of the yearly selection, published after the director's approval. */
export function GoldMedalPage() {
  const [data, setData] = useState<PublicGold | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    publicApi<PublicGold>('/api/public/gold-medal')
      .then(setData)
      .catch((e) => setError(errorCode(e) ? '名单暂时无法查询，请稍后再试' : '网络不稳定，请稍后再试'));
  }, []);
  if (error) return <p className="alert error">{error}</p>;
  if (!data) return <p role="status">正在加载…</p>;
  return (
    <>
      <h1>金牌调解组织和金牌调解员</h1>
      <p className="hint">依据：{data.basis}</p>
      {data.rounds.length === 0 ? <p data-ready="true">目前没有公布的评选结果。</p> : null}
      {data.rounds.map((r) => (
        <section key={r.year} className="card" data-ready="true">
          <h2>{r.title}</h2>
          <p className="hint">公布日期：{r.publishedOnText}</p>
          <ul className="plain">
            {r.awardees.map((a) => (
              <li key={a.id}>
                {a.kindLabel}：{a.name}（{a.affiliation}）
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
