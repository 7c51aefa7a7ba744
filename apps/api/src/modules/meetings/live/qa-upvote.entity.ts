import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One attendee's upvote of one Q&A entry: the key makes a second upvote a no-op. */
@Entity({ name: 'qa_upvotes' })
export class QaUpvoteEntity {
  @PrimaryColumn({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  @PrimaryColumn({ name: 'attendee_id', type: 'uuid' })
  attendeeId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
