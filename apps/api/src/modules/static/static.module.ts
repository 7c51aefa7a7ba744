import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DynamicModule, Logger, Module, type Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ServeStaticModule, type ServeStaticModuleOptions } from '@nestjs/serve-static';
import type { AppConfig } from '../../config/app-config';
import { AttendeePage } from './attendee-page';

/**
 * Paths the web app's history fallback must leave to the api, the overlays, Socket.IO and the
 * attendee's pages (`/m/…`, `/join…`: attendee.html, see AttendeePage).
 */
const NOT_WEB_APP = /^\/(api|overlay|socket\.io|m|join)(\/|$)/;

/**
 * Serves the built web app at `/` and the overlay pages at `/overlay/`, from the same port as the
 * api. Both fall back to their index.html so client-side routes survive a reload; the attendee's
 * paths get the web build's attendee.html, the phone's lighter entry.
 */
@Module({})
export class StaticModule {
  static register(config: AppConfig): DynamicModule {
    const root = resolve(config.staticDir ?? join(__dirname, '..'));
    const web = join(root, 'web');
    const overlay = join(root, 'overlay');
    const served: ServeStaticModuleOptions[] = [];
    const providers: Provider[] = [];
    if (existsSync(join(overlay, 'index.html'))) {
      served.push({ rootPath: overlay, serveRoot: '/overlay', serveStaticOptions: { index: false } });
    }
    if (existsSync(join(web, 'index.html'))) {
      served.push({ rootPath: web, exclude: NOT_WEB_APP, serveStaticOptions: { index: false } });
    }
    const attendeeHtml = join(web, 'attendee.html');
    if (existsSync(attendeeHtml)) {
      providers.push({
        provide: AttendeePage,
        useFactory: (adapterHost: HttpAdapterHost) => new AttendeePage(adapterHost, attendeeHtml),
        inject: [HttpAdapterHost],
      });
    }
    const logger = new Logger('Static');
    if (served.length < 2) logger.warn(`web or overlay build not found under ${root}: serving the api only`);
    else if (providers.length === 0)
      logger.warn(`${attendeeHtml} not found: the attendee's pages answer 404`);
    return {
      module: StaticModule,
      imports: served.length > 0 ? [ServeStaticModule.forRoot(...served)] : [],
      providers,
    };
  }
}
