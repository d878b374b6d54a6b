import { createContext, useContext } from 'react';
import type { WorkspaceSession } from './workspace-session';

export const SessionContext = createContext<WorkspaceSession | null>(null);

export function useSession(): WorkspaceSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside SessionContext.Provider');
  return session;
}
