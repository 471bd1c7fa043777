import { type FormEvent, useEffect, useState } from 'react';
import { api, errorText, type Session } from '../api';
import { Link, navigate } from '../router';
import { useSession } from '../session';

function nextPath(): string {
  const n = new URLSearchParams(window.location.search).get('next');
  return n?.startsWith('/') && !n.startsWith('//') ? n : '/matters';
}

export function LoginPage() {
  const { signedIn } = useSession();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [wait, setWait] = useState(0);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);

  const send = async () => {
    setError(null);
    try {
      const r = await api<{ resendAfterSec: number }>('/auth/sms', { body: { phone: phone.trim() } });
      setSent(true);
      setWait(r.resendAfterSec);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const s = await api<Session>('/auth/verify', { body: { phone: phone.trim(), code: code.trim() } });
      signedIn(s);
      navigate(nextPath());
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>手机号登录</h1>
      <form onSubmit={submit}>
        <label htmlFor="phone">手机号码</label>
        <input
          id="phone"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={11}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          data-testid="login-phone"
        />
        <button
          type="button"
          className="secondary wide"
          disabled={wait > 0 || phone.trim().length !== 11}
          onClick={() => void send()}
          data-testid="login-send"
        >
          {wait > 0 ? `${wait}秒后可重新获取` : '获取验证码'}
        </button>
        {sent ? <p className="hint">验证码已发送，5分钟内有效。</p> : null}
        <label htmlFor="code">短信验证码（6位数字）</label>
        <input
          id="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          data-testid="login-code"
        />
        {error ? (
          <p className="alert error" role="alert">
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          className="wide"
          disabled={busy || code.trim().length !== 6}
          data-testid="login-submit"
        >
          登录
        </button>
      </form>
      <p className="hint">
        单位联系人也用登记的手机号登录。只想查一件事项？<Link to="/query">用查询码查询</Link>
      </p>
    </>
  );
}

export function QueryPage() {
  const { signedIn } = useSession();
  const [queryCode, setQueryCode] = useState('');
  const [idLast6, setIdLast6] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const s = await api<Session>('/auth/query', { body: { queryCode, idLast6 } });
      signedIn(s);
      navigate(`/matters/${s.matterId}`);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <>
      <h1>查询码查询</h1>
      <p className="hint">不用注册：输入收件回执上的查询码和您证件号码的后六位，可以查看这一件事项的进度。</p>
      <form onSubmit={submit}>
        <label htmlFor="qc">查询码</label>
        <input
          id="qc"
          autoCapitalize="characters"
          value={queryCode}
          onChange={(e) => setQueryCode(e.target.value)}
          data-testid="query-code"
        />
        <label htmlFor="last6">证件号码后六位</label>
        <input
          id="last6"
          maxLength={6}
          value={idLast6}
          onChange={(e) => setIdLast6(e.target.value)}
          data-testid="query-last6"
        />
        {error ? (
          <p className="alert error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="wide" data-testid="query-submit">
          查询
        </button>
      </form>
    </>
  );
}
