import { z } from 'zod';

/** Workspace roles, weakest first: a viewer is a read-only co-host. */
export const ROLES = ['viewer', 'moderator', 'owner'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** True when `role` grants at least what `required` grants. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
