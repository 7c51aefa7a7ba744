import { z } from 'zod';
import { DisplayNameSchema, EmailSchema, PasswordSchema, WorkspaceNameSchema } from './auth.contract';
import { RoleSchema, type Role } from './roles.contract';

export interface WorkspaceDto {
  id: string;
  name: string;
  createdAt: string;
}

export const CreateWorkspaceRequestSchema = z.object({ name: WorkspaceNameSchema });
export type CreateWorkspaceRequest = z.input<typeof CreateWorkspaceRequestSchema>;

export const RenameWorkspaceRequestSchema = z.object({ name: WorkspaceNameSchema });
export type RenameWorkspaceRequest = z.input<typeof RenameWorkspaceRequestSchema>;

export interface MemberDto {
  userId: string;
  displayName: string;
  email: string;
  role: Role;
  joinedAt: string;
}

export const ChangeRoleRequestSchema = z.object({ role: RoleSchema });
export type ChangeRoleRequest = z.input<typeof ChangeRoleRequestSchema>;

export const CreateInviteRequestSchema = z.object({
  role: RoleSchema.exclude(['owner']),
  /** Hours until the link stops working. */
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
});
export type CreateInviteRequest = z.input<typeof CreateInviteRequestSchema>;

export interface InviteDto {
  id: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
}

/** Returned once, when the invite is created: the token is never stored in clear. */
export interface CreatedInviteDto extends InviteDto {
  token: string;
  /** Path to open in the web app, e.g. `/invite/<token>`. */
  path: string;
}

export interface InvitePreviewDto {
  workspaceName: string;
  role: Role;
  expiresAt: string;
}

/** Accepting as a new organizer needs an account; a signed-in organizer sends an empty body. */
export const AcceptInviteRequestSchema = z.union([
  z.object({ email: EmailSchema, password: PasswordSchema, displayName: DisplayNameSchema }),
  z.object({}).strict(),
]);
export type AcceptInviteRequest = z.input<typeof AcceptInviteRequestSchema>;
