/** Socket.IO room names: one place, so gateway and broadcaster cannot drift apart. */
export const rooms = {
  workspace: (workspaceId: string) => `workspace:${workspaceId}`,
  user: (userId: string) => `user:${userId}`,
  overlay: (workspaceId: string) => `overlay:${workspaceId}`,
  overlayToken: (tokenId: string) => `overlay-token:${tokenId}`,
  meetingOrganizers: (meetingId: string) => `meeting:${meetingId}:organizers`,
  meetingAttendees: (meetingId: string) => `meeting:${meetingId}:attendees`,
  meetingOverlays: (meetingId: string) => `meeting:${meetingId}:overlays`,
  attendee: (attendeeId: string) => `attendee:${attendeeId}`,
  /** The sockets of one organizer dashboard tab in a meeting: control is released when it is empty. */
  meetingClient: (meetingId: string, clientId: string) => `meeting:${meetingId}:client:${clientId}`,
};
