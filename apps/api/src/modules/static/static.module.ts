import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule, type ServeStaticModuleOptions } from '@nestjs/serve-static';
import type { AppConfig } from '../../config/app-config';

/** Paths the web app's history fallback must leave to the api, the overlays and Socket.IO. */
const NOT_WEB_APP = /^\/(api|overlay|socket\.io)(\/|$)/;

/**
 * Serves the built web app at `/` and the overlay pages at `/overlay/`, from the same port as the
 * api. Both fall back to their index.html so client-side routes survive a reload.
 */
@Module({})
export class StaticModule {
  static register(config: AppConfig): DynamicModule {
    const root = resolve(config.staticDir ?? join(__dirname, '..'));
    const web = join(root, 'web');
    const overlay = join(root, 'overlay');
    const served: ServeStaticModuleOptions[] = [];
    if (existsSync(join(overlay, 'index.html'))) {
      served.push({ rootPath: overlay, serveRoot: '/overlay', serveStaticOptions: { index: false } });
    }
    if (existsSync(join(web, 'index.html'))) {
      served.push({ rootPath: web, exclude: NOT_WEB_APP, serveStaticOptions: { index: false } });
    }
    if (served.length < 2) {
      new Logger('Static').warn(`web or overlay build not found under ${root}: serving the api only`);
    }
    return { module: StaticModule, imports: served.length > 0 ? [ServeStaticModule.forRoot(...served)] : [] };
  }
}
