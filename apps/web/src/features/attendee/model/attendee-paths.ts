/** The attendee's public pages (no organizer session): join, and the meeting itself. */
export const attendeePaths = {
  join: (code?: string) => (code ? `/join/${encodeURIComponent(code)}` : '/join'),
  meeting: (meetingId: string) => `/m/${encodeURIComponent(meetingId)}`,
};
