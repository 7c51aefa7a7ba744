import type { OnModuleInit } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';

/** The attendee's pages (`/join`, `/join/:code`, `/m/:meetingId`): the web build's attendee.html. */
export const ATTENDEE_PATHS = /^\/(m|join)(\/|$)/;

type Handler = (req: Request, res: Response, next: NextFunction) => void;

/**
 * Answers the attendee's paths with attendee.html, the phone's own lean entry (no admin router or
 * query cache), as ServeStaticModule answers the admin app's paths with index.html: on the HTTP
 * adapter like it, so outside the api's `/api` prefix, and before Nest's 404 handler.
 */
export class AttendeePage implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly htmlPath: string,
  ) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter.getInstance<{ get: (path: RegExp, handler: Handler) => void }>();
    app.get(ATTENDEE_PATHS, (_req, res, next) => {
      res.sendFile(this.htmlPath, (error) => {
        if (!error) return;
        // Gone from the disk: Nest's 404; a client that left half-way: nothing more to send.
        if (res.headersSent) res.destroy();
        else next();
      });
    });
  }
}
