import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, type Session, setCsrf } from './api';

interface SessionState {
  session: Session | null;
  loading: boolean;
  signedIn: (s: Session) => void;
  signOut: () => Promise<void>;
}

const Ctx = createContext<SessionState>({
  session: null,
  loading: true,
  signedIn: () => {},
  signOut: async () => {},
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    api<Session>('/me')
      .then((s) => {
        setCsrf(s.csrfToken);
        setSession(s);
      })
      .catch(() => setSession(null))
      .finally(() => setLoading(false));
  }, []);
  const signedIn = useCallback((s: Session) => {
    setCsrf(s.csrfToken);
    setSession(s);
  }, []);
  const signOut = useCallback(async () => {
    await api('/auth/logout', { method: 'POST', body: {} }).catch(() => undefined);
    setCsrf(null);
    setSession(null);
  }, []);
  return <Ctx.Provider value={{ session, loading, signedIn, signOut }}>{children}</Ctx.Provider>;
}

export const useSession = () => useContext(Ctx);
