/** The bots' overlay pages and the OBS browser source size each is laid out for. */
export const BOT_OVERLAY_KINDS = [
  // Full canvas: alerts play centred, the !timer countdown sits in a corner.
  { kind: 'alerts', width: 1920, height: 1080 },
  // A bar: one row per revolution bot shown on the overlay.
  { kind: 'revolution', width: 800, height: 120 },
] as const;
