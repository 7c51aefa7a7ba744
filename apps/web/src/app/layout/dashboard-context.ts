import type { MeDto, MembershipDto } from '@podium/contracts';
import { useOutletContext } from 'react-router';

export interface DashboardContext {
  me: MeDto;
  membership: MembershipDto;
}

export function useDashboard(): DashboardContext {
  return useOutletContext<DashboardContext>();
}
