import { z } from 'zod';

/** Who may use a command, least to most trusted: each level includes the ones after it. */
export const COMMAND_PERMISSIONS = ['everyone', 'subscriber', 'vip', 'moderator', 'broadcaster'] as const;
export const CommandPermissionSchema = z.enum(COMMAND_PERMISSIONS);
export type CommandPermission = z.infer<typeof CommandPermissionSchema>;
