import { useEffect, useState } from 'react';
import { money } from '../../../src/lib/money';
import { api, errorText, type PortalResponse } from '../api';

/** The mediation proposal served on me, from the generated API types. */
type Proposal = PortalResponse<'/matters/{id}/proposal'>;

type Answer = { answer: 'accept' | 'reject' | 'counter'; amount: string; comment: string };

/** The employer answers the 调解建议书 item by item: agree, disagree, or the amount it can accept. */
export function ProposalCard({ id, onDone }: { id: string; onDone: () => void }) {
  const [p, setP] = useState<Proposal | null>(null);
  const [answers, setAnswers] = useState<Record<number, Answer>>({});
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    api<Proposal>(`/matters/${id}/proposal`)
      .then(setP)
      .catch(() => setP(null));
  }, [id]);
  if (!p) return null;
  const set = (i: number, patch: Partial<Answer>) =>
    setAnswers({ ...answers, [i]: { answer: 'accept', amount: '', comment: '', ...answers[i], ...patch } });
  const submit = async () => {
    try {
      const items = p.items.map((it) => {
        const a = answers[it.index] ?? { answer: 'accept', amount: '', comment: '' };
        return {
          index: it.index,
          answer: a.answer,
          ...(a.answer === 'counter' && { counterAmountFen: Math.round(Number(a.amount) * 100) }),
          ...(a.comment.trim() && { comment: a.comment.trim() }),
        };
      });
      setP(
        await api<Proposal>(`/matters/${id}/proposal`, {
          body: { documentId: p.document.documentId, items },
        }),
      );
      setMsg({ ok: true, text: '答复已提交，调解员会与您联系。' });
      onDone();
    } catch (e) {
      setMsg({ ok: false, text: errorText(e) });
    }
  };
  const labels = { accept: '同意', reject: '不同意', counter: '提出可接受的金额' } as const;
  return (
    <section className="card" aria-labelledby="proposal" data-testid="proposal">
      <h2 id="proposal">答复调解建议书</h2>
      {p.items.map((it) => {
        const a = answers[it.index];
        const current = a?.answer ?? (it.myAnswer as Answer['answer'] | null) ?? 'accept';
        return (
          <fieldset key={it.index} className="card">
            <legend>
              <strong>
                第{it.index + 1}项：{it.claim}
              </strong>
            </legend>
            {it.proposedFen !== null ? <p>建议金额：{money(it.proposedFen)}</p> : null}
            <p className="hint">理由：{it.reason}</p>
            {it.myAnswer ? <p className="tag">已答复：{labels[it.myAnswer as Answer['answer']]}</p> : null}
            {(['accept', 'reject', 'counter'] as const).map((k) => (
              <label key={k} className="check">
                <input
                  type="radio"
                  name={`item-${it.index}`}
                  checked={current === k}
                  onChange={() => set(it.index, { answer: k })}
                  data-testid={`proposal-${it.index}-${k}`}
                />
                {labels[k]}
              </label>
            ))}
            {current === 'counter' ? (
              <>
                <label htmlFor={`amount-${it.index}`}>可接受的金额（元）</label>
                <input
                  id={`amount-${it.index}`}
                  inputMode="decimal"
                  value={a?.amount ?? ''}
                  onChange={(e) => set(it.index, { amount: e.target.value })}
                  data-testid={`proposal-${it.index}-amount`}
                />
              </>
            ) : null}
            <label htmlFor={`note-${it.index}`}>说明（可不填）</label>
            <input
              id={`note-${it.index}`}
              value={a?.comment ?? ''}
              onChange={(e) => set(it.index, { comment: e.target.value })}
            />
          </fieldset>
        );
      })}
      {msg ? (
        <p className={`alert ${msg.ok ? 'ok' : 'error'}`} role="status">
          {msg.text}
        </p>
      ) : null}
      <button type="button" className="wide" onClick={() => void submit()} data-testid="proposal-submit">
        提交答复
      </button>
    </section>
  );
}
