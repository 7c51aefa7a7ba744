import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  JoinCodeSchema,
  type JoinedMeetingDto,
  JoinMeetingRequestSchema,
  type JoinPreviewDto,
} from '@podium/contracts';
import type { z } from 'zod';
import { Public } from '../../auth/session.guard';
import { AttendeesService } from './attendees.service';

/** Where attendees come in: public, no account. */
@ApiTags('join')
@Controller('join')
export class JoinController {
  constructor(private readonly attendees: AttendeesService) {}

  @Public()
  @Get(':code')
  preview(@Param('code', { schema: JoinCodeSchema }) code: string): Promise<JoinPreviewDto> {
    return this.attendees.preview(code);
  }

  @Public()
  @Post()
  @HttpCode(201)
  join(
    @Body({ schema: JoinMeetingRequestSchema }) body: z.output<typeof JoinMeetingRequestSchema>,
  ): Promise<JoinedMeetingDto> {
    return this.attendees.join(body.code, body.nickname);
  }
}
