import type { Role } from './roles.contract';
import type { WorkspaceDto } from './workspaces.contract';

/** What a client sends in the Socket.IO handshake `auth` field. Organizers use their session cookie. */
export interface SocketAuth {
  overlayToken?: string;
}

export interface SocketReadyPayload {
  /** Organizer sessions see their workspaces; overlays see the one their token belongs to. */
  kind: 'organizer' | 'overlay';
  workspaceIds: string[];
  serverTime: string;
}

/** Every event the server pushes, by name: the single source for server and clients. */
export interface ServerToClientEvents {
  'session.ready': (payload: SocketReadyPayload) => void;
  'workspace.renamed': (payload: { workspace: WorkspaceDto }) => void;
  'member.changed': (payload: { workspaceId: string; userId: string; role: Role | null }) => void;
  'overlay.revoked': (payload: { workspaceId: string }) => void;
}

export interface ClientToServerEvents {
  ping: (ack: (payload: { serverTime: string }) => void) => void;
}

export const SOCKET_PATH = '/socket.io';
