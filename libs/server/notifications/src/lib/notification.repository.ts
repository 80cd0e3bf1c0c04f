import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { NotificationLocale, NotificationTemplateName } from '@zhengwu/shared/contracts';
import { EntityManager, IsNull } from 'typeorm';
import { NotificationEntity } from './notification.entity';

export type NewNotification = Pick<
  NotificationEntity,
  'tenantId' | 'id' | 'applicantId' | 'template' | 'locale' | 'params' | 'subjectZh' | 'subjectEn' | 'bodyZh' | 'bodyEn' | 'caseNumber'
>;

/** A notification the relay has claimed for one delivery attempt. */
export interface ClaimedNotification {
  tenantId: string;
  id: string;
  applicantId: string;
  template: NotificationTemplateName;
  locale: NotificationLocale;
  subject: { zh: string; en: string };
  body: { zh: string; en: string };
  caseNumber: string | null;
  /** This attempt's number (1 for the first). */
  attempt: number;
}

export interface ClaimOptions {
  /** The relay's "now" (tests move it forward); null = the database clock. */
  at: Date | null;
  limit: number;
  leaseMs: number;
}

export interface ApplicantListOptions {
  unreadOnly: boolean;
  offset: number;
  limit: number;
}

interface ClaimedRow {
  tenant_id: string;
  id: string;
  applicant_id: string;
  template: NotificationTemplateName;
  locale: NotificationLocale;
  subject_zh: string;
  subject_en: string;
  body_zh: string;
  body_en: string;
  case_number: string | null;
  attempts: number;
}

const DUE = `status IN ('pending', 'failed') AND next_attempt_at <= coalesce($2::timestamptz, now())`;

/**
 * The notifications outbox. Centre-side methods take the centre first and run in a unit of work
 * scoped to it; applicant-side methods take the applicant and run in an applicant-only scope, where
 * row-level security shows that applicant's rows from every centre and nobody else's.
 */
@Injectable()
export class NotificationRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** A new notification, pending delivery; created_at and the first attempt's time are the transaction's. */
  async insert(tenantId: string, notification: NewNotification): Promise<void> {
    if (notification.tenantId !== tenantId) {
      throw new Error(`Notification for tenant ${notification.tenantId} passed to a repository call for tenant ${tenantId}`);
    }
    await this.forTenant(tenantId)
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({ ...notification, status: 'pending', attempts: 0, nextAttemptAt: () => 'now()', createdAt: () => 'now()' })
      .execute();
  }

  /** Which of `centres` have notifications due (see the notifications_due_centres function). */
  async dueCentres(centres: readonly string[], at: Date | null): Promise<string[]> {
    const rows: Array<{ due: string[] }> = await this.uow
      .manager({})
      .query('SELECT notifications_due_centres($1::text[], coalesce($2::timestamptz, now())) AS due', [centres, at]);
    return rows[0]?.due ?? [];
  }

  /**
   * Claims up to `limit` due notifications of one centre: locked with SKIP LOCKED (so concurrent
   * relays take disjoint rows), counted as an attempt and leased (next_attempt_at moved past the
   * lease), all before the transaction commits, so no other relay sees them as due while this one
   * sends them outside any transaction.
   */
  async claimDue(tenantId: string, options: ClaimOptions): Promise<ClaimedNotification[]> {
    const [rows] = (await this.forTenant(tenantId).query(
      `WITH due AS (
         SELECT id FROM notifications
         WHERE tenant_id = $1 AND ${DUE}
         ORDER BY next_attempt_at
         LIMIT $3
         FOR UPDATE SKIP LOCKED
       )
       UPDATE notifications n
       SET attempts = n.attempts + 1,
           next_attempt_at = coalesce($2::timestamptz, now()) + $4 * interval '1 millisecond'
       FROM due
       WHERE n.tenant_id = $1 AND n.id = due.id
       RETURNING n.tenant_id, n.id, n.applicant_id, n.template, n.locale, n.subject_zh, n.subject_en,
                 n.body_zh, n.body_en, n.case_number, n.attempts`,
      [tenantId, options.at, options.limit, options.leaseMs],
    )) as [ClaimedRow[], number];
    return rows.map((row) => ({
      tenantId: row.tenant_id,
      id: row.id,
      applicantId: row.applicant_id,
      template: row.template,
      locale: row.locale,
      subject: { zh: row.subject_zh, en: row.subject_en },
      body: { zh: row.body_zh, en: row.body_en },
      caseNumber: row.case_number,
      attempt: row.attempts,
    }));
  }

  /** Records a delivery, unless the claim was lost meanwhile (then the other relay records it). */
  async recordSent(tenantId: string, id: string, attempt: number): Promise<boolean> {
    const [, affected] = (await this.forTenant(tenantId).query(
      `UPDATE notifications SET status = 'sent', sent_at = now(), last_error = NULL
       WHERE tenant_id = $1 AND id = $2 AND attempts = $3 AND status IN ('pending', 'failed')`,
      [tenantId, id, attempt],
    )) as [unknown[], number];
    return affected === 1;
  }

  async recordFailure(
    tenantId: string,
    id: string,
    attempt: number,
    failure: { dead: boolean; error: string; at: Date | null; retryInMs: number },
  ): Promise<boolean> {
    const [, affected] = (await this.forTenant(tenantId).query(
      `UPDATE notifications
       SET status = $4, last_error = $5, next_attempt_at = coalesce($6::timestamptz, now()) + $7 * interval '1 millisecond'
       WHERE tenant_id = $1 AND id = $2 AND attempts = $3 AND status IN ('pending', 'failed')`,
      [tenantId, id, attempt, failure.dead ? 'dead' : 'failed', failure.error, failure.at, failure.dead ? 0 : failure.retryInMs],
    )) as [unknown[], number];
    return affected === 1;
  }

  /** The applicant's notifications from every centre, newest first. */
  listForApplicant(applicantId: string, options: ApplicantListOptions): Promise<[NotificationEntity[], number]> {
    return this.forApplicant(applicantId)
      .getRepository(NotificationEntity)
      .findAndCount({
        where: options.unreadOnly ? { applicantId, readAt: IsNull() } : { applicantId },
        order: { createdAt: 'DESC', id: 'DESC' },
        skip: options.offset,
        take: options.limit,
      });
  }

  countUnread(applicantId: string): Promise<number> {
    return this.forApplicant(applicantId).getRepository(NotificationEntity).count({ where: { applicantId, readAt: IsNull() } });
  }

  /** Marks the applicant's notification read (the first time only); null if they have none with that id. */
  async markRead(applicantId: string, id: string): Promise<NotificationEntity | null> {
    const repository = this.forApplicant(applicantId).getRepository(NotificationEntity);
    await repository
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('applicant_id = :applicantId AND id = :id AND read_at IS NULL', { applicantId, id })
      .execute();
    return repository.findOne({ where: { applicantId, id } });
  }

  private forTenant(tenantId: string): EntityManager {
    return this.uow.manager({ tenantId });
  }

  private forApplicant(applicantId: string): EntityManager {
    return this.uow.manager({ applicantId });
  }
}
