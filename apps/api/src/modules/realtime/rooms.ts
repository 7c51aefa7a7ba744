/** Socket.IO room names: one place, so gateway and broadcaster cannot drift apart. */
export const rooms = {
  workspace: (workspaceId: string) => `workspace:${workspaceId}`,
  user: (userId: string) => `user:${userId}`,
  overlay: (workspaceId: string) => `overlay:${workspaceId}`,
  overlayToken: (tokenId: string) => `overlay-token:${tokenId}`,
};
