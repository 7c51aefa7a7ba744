import type { CreatedInviteDto, MeDto, SetupRequest } from '@podium/contracts';
import { HttpClient } from './http-client';

let counter = 0;

export function newSetupRequest(overrides: Partial<SetupRequest> = {}): SetupRequest {
  counter += 1;
  return {
    email: `owner${counter}@example.org`,
    password: 'a long enough passphrase',
    displayName: `Owner ${counter}`,
    workspaceName: `Workspace ${counter}`,
    ...overrides,
  };
}

/** Runs first-run setup and returns the signed-in owner's client and profile. */
export async function newOwner(baseUrl: string, overrides: Partial<SetupRequest> = {}) {
  const client = new HttpClient(baseUrl);
  const request = newSetupRequest(overrides);
  const result = await client.post<MeDto>('/api/setup', request);
  if (result.status !== 201) throw new Error(`setup failed: ${result.status} ${JSON.stringify(result.body)}`);
  return { client, me: result.body, workspaceId: result.body.memberships[0]!.workspaceId, request };
}

/** An owner invites someone with `role`; the invitee creates an account through the link. */
export async function newMember(owner: HttpClient, workspaceId: string, role: 'moderator' | 'viewer') {
  counter += 1;
  const invite = await owner.post<CreatedInviteDto>(`/api/workspaces/${workspaceId}/invites`, { role });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status}`);
  const client = new HttpClient(owner.baseUrl);
  const accepted = await client.post<MeDto>(`/api/invites/${invite.body.token}/accept`, {
    email: `member${counter}@example.org`,
    password: 'another long passphrase',
    displayName: `Member ${counter}`,
  });
  if (accepted.status !== 200)
    throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { client, me: accepted.body };
}
