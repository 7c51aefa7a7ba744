import { Module } from '@nestjs/common';
import { MeetingsLiveModule } from '../../meetings/live/meetings-live.module';
import { MeetingsModule } from '../../meetings/meetings.module';
import { MeetingsV1Service } from './meetings-v1.service';

/**
 * The v1 meetings facade and what it calls. Its controllers sit in PublicApiModule, beside the
 * token guard and the idempotency interceptor they use.
 */
@Module({
  imports: [MeetingsModule, MeetingsLiveModule],
  providers: [MeetingsV1Service],
  exports: [MeetingsV1Service],
})
export class MeetingsV1Module {}
