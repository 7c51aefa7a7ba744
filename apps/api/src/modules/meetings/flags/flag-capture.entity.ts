import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An attendee found a flag: once per flag and attendee, with the points it was worth then. */
@Entity({ name: 'flag_captures' })
export class FlagCaptureEntity {
  @PrimaryColumn({ name: 'flag_id', type: 'uuid' })
  flagId!: string;

  @PrimaryColumn({ name: 'attendee_id', type: 'uuid' })
  attendeeId!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ type: 'int' })
  points!: number;

  @Column({ name: 'captured_at', type: 'timestamptz', default: () => 'now()' })
  capturedAt!: Date;
}
