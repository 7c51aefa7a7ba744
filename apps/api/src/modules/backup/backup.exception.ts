import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../common/errors/domain.exception';

export enum BackupErrorCode {
  /** An import targets a workspace that already holds meetings, viewers, rewards… */
  WorkspaceNotEmpty = 'backup.workspace_not_empty',
  /** Not a Podium workspace export, or one of an unknown layout or newer schema. */
  DocumentInvalid = 'backup.document_invalid',
  /** The rows of the document do not fit this database (a constraint refused them). */
  DocumentRejected = 'backup.document_rejected',
  FileMissing = 'backup.file_missing',
  BackupNotFound = 'backup.not_found',
}

const KIND: Record<BackupErrorCode, ErrorKind> = {
  [BackupErrorCode.WorkspaceNotEmpty]: 'conflict',
  [BackupErrorCode.DocumentInvalid]: 'invalid',
  [BackupErrorCode.DocumentRejected]: 'unprocessable',
  [BackupErrorCode.FileMissing]: 'invalid',
  [BackupErrorCode.BackupNotFound]: 'not_found',
};

export class BackupException extends DomainException {
  constructor(code: BackupErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
