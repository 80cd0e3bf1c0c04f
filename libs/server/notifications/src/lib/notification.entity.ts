import type { NotificationLocale, NotificationTemplateName } from '@zhengwu/shared/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where a notification is on its way to the applicant's phone or mailbox. */
export type NotificationDeliveryStatus = 'pending' | 'sent' | 'failed' | 'dead';
export const NOTIFICATION_DELIVERY_STATUSES: readonly NotificationDeliveryStatus[] = Object.freeze(['pending', 'sent', 'failed', 'dead']);

/**
 * A message to an applicant from a centre, written in the same transaction as the change it
 * reports (the outbox), rendered in both languages at that moment, then delivered by the relay.
 * A tenant table the applicant owns too: staff see their centre's rows, an applicant their own.
 */
@Entity({ name: 'notifications' })
@Index('notifications_tenant_due_idx', ['tenantId', 'nextAttemptAt'], { where: "status IN ('pending', 'failed')" })
@Index('notifications_applicant_created_idx', ['applicantId', 'createdAt'])
export class NotificationEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'notifications_pkey' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'notifications_pkey' })
  id!: string;

  @Column({ name: 'applicant_id', type: 'uuid' })
  applicantId!: string;

  @Column({ type: 'text' })
  template!: NotificationTemplateName;

  @Column({ type: 'text' })
  locale!: NotificationLocale;

  /** The template's parameters as given, kept for the record; the texts below are what was sent. */
  @Column({ type: 'jsonb' })
  params!: object;

  @Column({ name: 'subject_zh', type: 'text' })
  subjectZh!: string;

  @Column({ name: 'subject_en', type: 'text' })
  subjectEn!: string;

  @Column({ name: 'body_zh', type: 'text' })
  bodyZh!: string;

  @Column({ name: 'body_en', type: 'text' })
  bodyEn!: string;

  @Column({ name: 'case_number', type: 'text', nullable: true })
  caseNumber!: string | null;

  @Column({ type: 'text' })
  status!: NotificationDeliveryStatus;

  /** Delivery attempts started so far (counted when an attempt is claimed). */
  @Column({ type: 'integer' })
  attempts!: number;

  /** When the relay may next try; while an attempt is under way, when its claim lapses. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
