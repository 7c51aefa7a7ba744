import {
  type ArgumentsHost,
  BadRequestException,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import { AuthErrorCode, AuthException } from '../../modules/auth/auth.exception';
import { WorkspaceErrorCode, WorkspaceException } from '../../modules/workspaces/workspaces.exception';
import { ApiExceptionFilter, toApiError } from './exception.filter';
import { ValidationException } from './validation.exception';

describe('toApiError', () => {
  it('maps domain codes to statuses through their kind', () => {
    expect(toApiError(new WorkspaceException(WorkspaceErrorCode.NotFound, 'gone')).body).toEqual({
      statusCode: 404,
      code: 'workspace.not_found',
      message: 'gone',
    });
    expect(toApiError(new WorkspaceException(WorkspaceErrorCode.LastOwner, 'no')).body.statusCode).toBe(409);
    expect(toApiError(new WorkspaceException(WorkspaceErrorCode.Forbidden, 'no')).body.statusCode).toBe(403);
    const limited = toApiError(
      new AuthException(AuthErrorCode.TooManyAttempts, 'slow down', { retryAfterSeconds: 30 }),
    );
    expect(limited.body.statusCode).toBe(429);
    expect(limited.retryAfterSeconds).toBe(30);
    expect(limited.body.retryAfterSeconds).toBe(30);
  });

  it('names the first field at fault and lists every issue', () => {
    const error = new ValidationException([
      { field: 'email', message: 'must be an e-mail address' },
      { field: 'password', message: 'is required' },
    ]);
    expect(toApiError(error).body).toMatchObject({
      statusCode: 400,
      field: 'email',
      message: 'email must be an e-mail address',
    });
    expect(toApiError(error).body.issues).toHaveLength(2);
  });

  it('keeps body-parser and routing errors as 4xx', () => {
    expect(toApiError(new BadRequestException('Unexpected token')).body.code).toBe(
      'validation.malformed_body',
    );
    expect(toApiError(new PayloadTooLargeException()).body.code).toBe('validation.body_too_large');
    expect(toApiError(new NotFoundException()).body.statusCode).toBe(404);
  });

  it('hides unexpected errors behind a 500 without their message', () => {
    const result = toApiError(new Error('connection string postgres://secret@db'));
    expect(result.body).toEqual({
      statusCode: 500,
      code: 'internal',
      message: 'Something went wrong on our side',
    });
  });
});

describe('ApiExceptionFilter', () => {
  afterEach(() => jest.restoreAllMocks());

  function serve(error: unknown, request: { method: string; url: string; originalUrl: string }) {
    const response = { headersSent: false, setHeader: jest.fn(), status: jest.fn(), json: jest.fn() };
    response.status.mockReturnValue(response);
    const host = {
      getType: () => 'http',
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
    } as unknown as ArgumentsHost;
    new ApiExceptionFilter().catch(error, host);
    return response;
  }

  it('logs the request an unexpected error broke with its credentials masked, and answers 500', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const response = serve(new Error('boom'), {
      method: 'POST',
      url: '/k0fi-s3cret',
      originalUrl: '/api/integrations/kofi/k0fi-s3cret',
    });
    expect(response.status).toHaveBeenCalledWith(500);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ method: 'POST', url: '/api/integrations/kofi/[redacted]' }),
      'unhandled error',
    );
    expect(JSON.stringify(logged.mock.calls)).not.toContain('s3cret');
  });
});
