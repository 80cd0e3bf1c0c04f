import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Append-only record of what staff did in a centre (the runtime role may insert and read only). */
@Entity({ name: 'audit_events' })
@Index('audit_events_tenant_occurred_idx', ['tenantId', 'occurredAt'])
export class AuditEventEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'audit_events_pkey' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'audit_events_pkey' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: 'staff' | 'applicant' | 'system';

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId!: string;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  details!: object;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;
}
