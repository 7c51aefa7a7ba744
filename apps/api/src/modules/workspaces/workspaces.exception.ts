import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../common/errors/domain.exception';

export enum WorkspaceErrorCode {
  NotFound = 'workspace.not_found',
  Forbidden = 'workspace.forbidden',
  MemberNotFound = 'workspace.member_not_found',
  LastOwner = 'workspace.last_owner',
  InviteInvalid = 'workspace.invite_invalid',
  AlreadyMember = 'workspace.already_member',
}

const KIND: Record<WorkspaceErrorCode, ErrorKind> = {
  [WorkspaceErrorCode.NotFound]: 'not_found',
  [WorkspaceErrorCode.Forbidden]: 'forbidden',
  [WorkspaceErrorCode.MemberNotFound]: 'not_found',
  [WorkspaceErrorCode.LastOwner]: 'conflict',
  [WorkspaceErrorCode.InviteInvalid]: 'not_found',
  [WorkspaceErrorCode.AlreadyMember]: 'conflict',
};

export class WorkspaceException extends DomainException {
  constructor(code: WorkspaceErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
