import { applyDecorators } from '@nestjs/common';
import { ApiErrorResponse, ApiV1Operation } from '../openapi/zod-openapi';

type Decorator = MethodDecorator & ClassDecorator;

/** The v1 operation's summary and description, then this route's own errors (they win over the common ones). */
export function MeetingsOperation(summary: string, description: string, ...errors: Decorator[]): Decorator {
  return applyDecorators(ApiV1Operation(summary, description), ...errors);
}

export const MeetingNotFound = (): Decorator =>
  ApiErrorResponse(
    404,
    'meeting.not_found',
    "No such meeting in this workspace (another workspace's meeting, or workspace, is reported the same way)",
  );

export const QuestionNotFound = (): Decorator =>
  ApiErrorResponse(
    404,
    'meeting.question_not_found',
    'No such question in this meeting (or no such meeting)',
  );

export const InvalidBody = (example: string): Decorator =>
  ApiErrorResponse(400, 'validation.failed', example);

export const MissingScope = (scope: string): Decorator =>
  ApiErrorResponse(403, 'api.missing_scope', `This API token lacks the ${scope} scope`);
