// Who is logged in. The csrf token lives in memory (api/client.ts); a reload asks
// GET /me, which returns it again.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from '../api/types';

export interface Session {
  me: Me;
  setMe: (me: Me | null) => void;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a logged-in shell');
  return s;
}

export function can(me: Me, permission: string): boolean {
  return me.permissions.includes(permission);
}

export function isAdmin(me: Me): boolean {
  return me.roles.some((r) => r.role === 'admin');
}

export function useCan(permission: string): boolean {
  return can(useSession().me, permission);
}
