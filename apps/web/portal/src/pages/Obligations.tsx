import { useCallback, useEffect, useState } from 'react';
import { api, errorText, newKey, type PortalResponse } from '../api';
import { EvidencePicker, type Uploaded } from '../Evidence';
import { businessDate, chineseDate, DEFAULT_TZ_OFFSET_MINUTES } from '@onestop/domain/time';
import { moneyInText } from '../../../src/lib/money';

/** What the portal shows of an obligation (server: obligations.presenter, portal view). */
type Obligation = PortalResponse<'/matters/{id}/obligations'>['items'][number];

const yuan = moneyInText;
const cnDate = (iso: string | null) => (iso ? chineseDate(iso.slice(0, 10)) : '待生效后确定');
const today = () => businessDate(new Date(), DEFAULT_TZ_OFFSET_MINUTES);

function Declare({ matterId, o, onDone }: { matterId: string; o: Obligation; onDone: () => void }) {
  const [amount, setAmount] = useState((o.unpaidFen / 100).toFixed(2));
  const [paidOn, setPaidOn] = useState(today());
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [key] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<string | null>(null);
  const fen = Math.round(Number(amount) * 100);
  const submit = async () => {
    setBusy(true);
    setMsg(null);
    try {
      await api(`/matters/${matterId}/obligations/${o.id}/payments`, {
        body: { amountFen: fen, paidOn, uploadId: files[0]!.id },
        idempotencyKey: key,
        retries: 3,
      });
      onDone();
    } catch (e) {
      setMsg(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const prefix = `pay-${o.instalmentNo}`;
  return (
    <div className="card" data-testid="declare-form">
      <label htmlFor={`${prefix}-amount`}>收到的金额（元）</label>
      <input
        id={`${prefix}-amount`}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        data-testid="declare-amount"
      />
      <label htmlFor={`${prefix}-date`}>收款日期</label>
      <input
        id={`${prefix}-date`}
        type="date"
        value={paidOn}
        max={today()}
        onChange={(e) => setPaidOn(e.target.value)}
      />
      <p className="hint">请上传银行转账记录或收款凭证的照片，工作人员核对后确认。</p>
      <EvidencePicker files={files} onChange={(f) => setFiles(f.slice(-1))} idPrefix={prefix} />
      {msg ? (
        <p className="alert error" role="alert">
          {msg}
        </p>
      ) : null}
      <button
        type="button"
        disabled={busy || files.length === 0 || !(fen > 0) || fen > o.unpaidFen}
        onClick={() => void submit()}
        data-testid="declare-submit"
      >
        提交收款申报
      </button>
    </div>
  );
}

/** 履行情况: what the other side must pay me, by when, what was paid; I declare a payment received. */
export function ObligationsCard({ matterId, worker }: { matterId: string; worker: boolean }) {
  const [items, setItems] = useState<Obligation[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api<{ items: Obligation[] }>(`/matters/${matterId}/obligations`)
        .then((r) => setItems(r.items))
        .catch(() => setItems([])),
    [matterId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  if (!items || items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="obl" data-testid="obligations" data-ready="true">
      <h2 id="obl">履行情况</h2>
      {items.map((o) => {
        const declared = o.payments.some((p) => p.declaredBy === 'worker' && p.statusLabel === '待确认');
        return (
          <div key={o.id} data-testid={`obligation-${o.instalmentNo}`} data-status={o.status}>
            <p>
              <strong>
                {o.item}
                {o.instalmentCount > 1 ? `（第${o.instalmentNo}期）` : ''}
              </strong>{' '}
              <span className={o.status === 'overdue' ? 'tag danger' : 'tag'} data-testid="obligation-status">
                {o.statusLabel}
              </span>
              <br />
              {o.debtorName}应于{cnDate(o.dueDate)}前支付{yuan(o.amountFen)}，已付{yuan(o.paidFen)}
              <br />
              <span className="hint">依据：{o.sourceLabel}</span>
            </p>
            {o.payments.map((p) => (
              <p key={p.id} className="hint">
                {cnDate(p.paidOn)} 收到{yuan(p.amountFen)}（{p.statusLabel}）
              </p>
            ))}
            {worker && o.status !== 'paid' && !declared ? (
              open === o.id ? (
                <Declare
                  matterId={matterId}
                  o={o}
                  onDone={() => {
                    setOpen(null);
                    void load();
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setOpen(o.id)}
                  data-testid="declare-open"
                >
                  我已收到付款
                </button>
              )
            ) : null}
            {declared ? <p className="alert ok">已申报收款，等待工作人员确认。</p> : null}
          </div>
        );
      })}
    </section>
  );
}
