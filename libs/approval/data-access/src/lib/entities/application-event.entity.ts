import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An immutable transition record, hash-chained per centre. */
@Entity({ name: 'application_events' })
export class ApplicationEventEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'application_events_pkey' }) tenantId!: string;
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'application_events_pkey' }) seq!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId!: string;
  @Column({ name: 'case_number', type: 'text', nullable: true }) caseNumber!: string | null;
  @Column({ name: 'actor_kind', type: 'text' }) actorKind!: 'applicant' | 'staff' | 'system';
  @Column({ name: 'actor_id', type: 'text', nullable: true }) actorId!: string | null;
  @Column({ name: 'actor_post', type: 'text', nullable: true }) actorPost!: string | null;
  @Column({ type: 'text' }) action!: string;
  @Column({ name: 'from_status', type: 'smallint' }) fromStatus!: number;
  @Column({ name: 'to_status', type: 'smallint' }) toStatus!: number;
  @Column({ name: 'from_step', type: 'integer', nullable: true }) fromStep!: number | null;
  @Column({ name: 'to_step', type: 'integer', nullable: true }) toStep!: number | null;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ type: 'jsonb' }) data!: object;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ name: 'prev_hash', type: 'text' }) prevHash!: string;
  @Column({ type: 'text' }) hash!: string;
}
