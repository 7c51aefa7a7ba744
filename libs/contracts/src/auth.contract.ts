import { z } from 'zod';
import { RoleSchema } from './roles.contract';

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'must be an e-mail address' }))
  .transform((email) => email.toLowerCase());

/** Long passphrases welcome; the upper bound keeps hashing cheap to refuse. */
export const PasswordSchema = z
  .string()
  .min(10, { message: 'must be at least 10 characters' })
  .max(256, { message: 'must be at most 256 characters' });

export const DisplayNameSchema = z.string().trim().min(1, { message: 'is required' }).max(80);
export const WorkspaceNameSchema = z.string().trim().min(1, { message: 'is required' }).max(80);

export const SetupRequestSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
  workspaceName: WorkspaceNameSchema,
});
export type SetupRequest = z.input<typeof SetupRequestSchema>;

export const SetupStatusSchema = z.object({ needsSetup: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatusSchema>;

export const LoginRequestSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, { message: 'is required' }).max(256),
});
export type LoginRequest = z.input<typeof LoginRequestSchema>;

export interface UserDto {
  id: string;
  email: string;
  displayName: string;
}

export interface MembershipDto {
  workspaceId: string;
  workspaceName: string;
  role: z.infer<typeof RoleSchema>;
}

/** What the signed-in organizer sees of themself. */
export interface MeDto {
  user: UserDto;
  memberships: MembershipDto[];
}
