import { Injectable } from '@nestjs/common';
import type { Platform } from '@podium/contracts';
import type { PlatformAdapter } from './platform-adapter';

/** Where each platform's adapter registers itself, so the chat core needs no import of any platform. */
@Injectable()
export class PlatformAdapters {
  private readonly adapters = new Map<Platform, PlatformAdapter>();

  register(adapter: PlatformAdapter): void {
    this.adapters.set(adapter.platform, adapter);
  }

  find(platform: Platform): PlatformAdapter | undefined {
    return this.adapters.get(platform);
  }

  get(platform: Platform): PlatformAdapter {
    const adapter = this.adapters.get(platform);
    if (!adapter) throw new Error(`No adapter registered for ${platform}`);
    return adapter;
  }

  all(): PlatformAdapter[] {
    return [...this.adapters.values()];
  }
}
