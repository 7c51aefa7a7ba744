import { type Role, roleAtLeast } from '@podium/contracts';
import type { ReactNode } from 'react';
import { Alert } from './alert';

export interface RoleGateProps {
  /** The member's role in the workspace. */
  role: Role;
  /** The least role the api serves what `children` read (`@RequireRole` on its routes). */
  least: Role;
  /** Shown instead, e.g. "Only moderators and owners manage webhooks." */
  notice: ReactNode;
  children: ReactNode;
}

/**
 * A page or panel the member's role may not read: the page's notice instead of a 403. The
 * children are not mounted at all below `least`, so their requests are never sent.
 */
export function RoleGate({ role, least, notice, children }: RoleGateProps) {
  return roleAtLeast(role, least) ? children : <Alert tone="info">{notice}</Alert>;
}
