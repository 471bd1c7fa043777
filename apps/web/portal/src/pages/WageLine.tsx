import { formatYuan } from '@onestop/domain/claims/money';
import { chineseDate } from '@onestop/domain/time';
import { useEffect, useState } from 'react';
import type { Schema } from '../../../src/lib/api-types';
import { api, errorCode, errorText, publicApi } from '../api';

type Ledger = Schema<'WorkerWageLedger'>;

/**
 * A worker's own line of the group wage ledger (issue #21): what is owed, what has been paid, by
 * whom, and the group's totals. The server answers only this worker's lines; 404 means no ledger.
 */
export function WageLine({ matterId }: { matterId: string }) {
  const [ledger, setLedger] = useState<Ledger | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<Ledger>(`/matters/${matterId}/wage-line`)
      .then(setLedger)
      .catch((e) => (errorCode(e) === 'NOT_FOUND' ? setLedger(null) : setError(errorText(e))));
  }, [matterId]);
  if (error) return <p className="alert error">{error}</p>;
  if (ledger === undefined) return <p role="status">正在加载欠薪台账…</p>;
  if (ledger === null) return null;
  const t = ledger.totals;
  return (
    <section className="card" aria-labelledby="wage" data-testid="wage-line" data-ready="true">
      <h2 id="wage">我的欠薪和支付情况</h2>
      <p className="hint">
        {ledger.kindLabel}：{ledger.groupName}
      </p>
      {ledger.lines.map((l) => (
        <div key={l.id} data-testid="my-wage-line">
          <p>
            <strong>{l.name}</strong>　{chineseDate(l.periodFrom)}至{chineseDate(l.periodTo)}
          </p>
          <ul className="plain">
            <li>申报欠薪：{formatYuan(l.claimedFen)}</li>
            {l.confirmedFen !== null ? (
              <li>
                确认欠薪：{formatYuan(l.confirmedFen)}（{l.confirmedByLabel}）
              </li>
            ) : null}
            <li>已支付：{formatYuan(l.paidFen)}</li>
            <li>
              尚欠：<strong>{formatYuan(l.outstandingFen)}</strong>　
              <span className="tag">{l.positionLabel}</span>
            </li>
          </ul>
          {l.payments.length ? (
            <>
              <h3>支付记录</h3>
              <ul className="plain">
                {l.payments.map((p) => (
                  <li key={p.id}>
                    {chineseDate(p.paidOn)}　{p.payerLabel}
                    {p.payerName ? `（${p.payerName}）` : ''}　{formatYuan(p.amountFen)}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="hint">还没有支付记录。</p>
          )}
        </div>
      ))}
      <p className="hint">
        本项目共{t.workers}名工人，确认欠薪合计{formatYuan(t.owedFen)}，已支付{formatYuan(t.paidFen)}，尚欠
        {formatYuan(t.outstandingFen)}。
      </p>
    </section>
  );
}

type PublicList = Schema<'PublicDefaulterList'>;

/** The public defaulter list (拖欠农民工工资失信联合惩戒对象名单): open to everyone, no sign-in. */
export function DefaultersPage() {
  const [list, setList] = useState<PublicList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    publicApi<PublicList>('/api/public/defaulters')
      .then(setList)
      .catch((e) => setError(errorCode(e) ? '名单暂时无法查询，请稍后再试' : '网络不稳定，请稍后再试'));
  }, []);
  if (error) return <p className="alert error">{error}</p>;
  if (!list) return <p role="status">正在加载…</p>;
  return (
    <>
      <h1>拖欠农民工工资失信联合惩戒对象名单</h1>
      <p className="hint">依据：{list.basis}</p>
      {list.items.length === 0 ? <p data-ready="true">目前没有公开的名单。</p> : null}
      {list.items.map((x) => (
        <section key={x.id} className="card" data-ready="true">
          <h2>{x.employerName}</h2>
          <ul className="plain">
            {x.creditCode ? <li>统一社会信用代码：{x.creditCode}</li> : null}
            <li>有关责任人员：{x.responsiblePersons}</li>
            <li>列入事由：{x.groundLabel}</li>
            <li>
              列入期限：{chineseDate(x.decidedOn)}至{chineseDate(x.endsOn)}
            </li>
            <li>作出决定机关：{x.organ}</li>
          </ul>
        </section>
      ))}
    </>
  );
}
