import { Injectable } from '@nestjs/common';
import { HallDisplayEntity } from '@zhengwu/approval/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import {
  CreatedHallDisplayView,
  HALL_DISPLAY_CALLS,
  HallDisplayCall,
  HallDisplayCounts,
  HallDisplaySnapshot,
  HallDisplayView,
} from '@zhengwu/shared/contracts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { HallDisplayError } from './hall-display-errors';
import { ANNOUNCED_ACTIONS, CALL_KIND_OF_ACTION, chinaDay, chinaDayBounds, maskApplicantName } from './hall-display.logic';

/** Statuses between submission and the final range: the case is being handled (returned ones included). */
const IN_PROGRESS_SQL = 'a.status > 10 AND a.status < 90';

export function hashDisplayToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Hall displays of a centre: their tokens (random, shown once, stored as a hash), and the public
 * snapshot they show: today's counts and the latest calls, with names masked and nothing else
 * personal. Every query runs in a unit of work scoped to the centre, so RLS keeps centres apart.
 */
@Injectable()
export class HallDisplayService {
  constructor(private readonly uow: UnitOfWork) {}

  async create(tenantId: string, staff: StaffPrincipal, name: string): Promise<CreatedHallDisplayView> {
    const token = randomBytes(32).toString('base64url');
    const row: HallDisplayEntity = {
      tenantId,
      id: randomUUID(),
      name: name.trim(),
      tokenHash: hashDisplayToken(token),
      tokenHint: token.slice(-4),
      createdAt: new Date(),
      createdBy: staff.id,
      createdByName: staff.name,
      lastSeenAt: null,
      revokedAt: null,
    };
    await this.uow.run({ tenantId }, (manager) => manager.getRepository(HallDisplayEntity).insert(row));
    return { display: toView(row), token };
  }

  list(tenantId: string): Promise<HallDisplayView[]> {
    return this.uow.run({ tenantId }, async (manager) => {
      const rows = await manager.getRepository(HallDisplayEntity).find({ where: { tenantId }, order: { createdAt: 'DESC' } });
      return rows.map(toView);
    });
  }

  /** Revokes a display: its screen is refused from now on and an open feed is closed. Idempotent. */
  revoke(tenantId: string, id: string): Promise<HallDisplayView> {
    return this.uow.run({ tenantId }, async (manager) => {
      const repository = manager.getRepository(HallDisplayEntity);
      const row = await repository.findOne({ where: { tenantId, id } });
      if (!row) throw HallDisplayError.DISPLAY_NOT_FOUND();
      if (!row.revokedAt) {
        row.revokedAt = new Date();
        await repository.update({ tenantId, id }, { revokedAt: row.revokedAt });
      }
      return toView(row);
    });
  }

  /** The display a token opens at this centre (not revoked), or 401. Notes when it was last seen. */
  async authenticate(tenantId: string, token: string | undefined): Promise<HallDisplayView> {
    if (!token) throw HallDisplayError.DISPLAY_TOKEN_INVALID();
    const tokenHash = hashDisplayToken(token);
    const row = await this.uow.run({ tenantId }, async (manager) => {
      const repository = manager.getRepository(HallDisplayEntity);
      const found = await repository.findOne({ where: { tenantId, tokenHash } });
      if (!found || found.revokedAt) return null;
      found.lastSeenAt = new Date();
      await repository.update({ tenantId, id: found.id }, { lastSeenAt: found.lastSeenAt });
      return found;
    });
    if (!row) throw HallDisplayError.DISPLAY_TOKEN_INVALID();
    return toView(row);
  }

  /** Whether a display may still read the feed (checked again on each update of an open stream). */
  async stillValid(tenantId: string, id: string): Promise<boolean> {
    return this.uow.run({ tenantId }, async (manager) => {
      const row = await manager.getRepository(HallDisplayEntity).findOne({ where: { tenantId, id } });
      return !!row && !row.revokedAt;
    });
  }

  /** What the screen shows now: today's counts (China time) and the latest public calls. */
  snapshot(tenantId: string, now: Date = new Date()): Promise<HallDisplaySnapshot> {
    const date = chinaDay(now);
    const { start, end } = chinaDayBounds(date);
    return this.uow.run({ tenantId }, async (manager) => {
      const centres: Array<{ name: string }> = await manager.query('SELECT name FROM centres WHERE code = $1', [tenantId]);
      const [countRow]: Array<Record<keyof HallDisplayCounts, string>> = await manager.query(
        `SELECT
           count(*) FILTER (WHERE a.submitted_at >= $2 AND a.submitted_at < $3) AS "receivedToday",
           count(*) FILTER (WHERE a.accepted_at >= $2 AND a.accepted_at < $3) AS "acceptedToday",
           count(*) FILTER (WHERE a.completed_at >= $2 AND a.completed_at < $3) AS "completedToday",
           count(*) FILTER (WHERE ${IN_PROGRESS_SQL}) AS "inProgress",
           count(*) FILTER (WHERE ${IN_PROGRESS_SQL} AND a.current_step_due < $4::date) AS "overdue"
         FROM applications a WHERE a.tenant_id = $1`,
        [tenantId, start, end, date],
      );
      const events: Array<{ action: string; case_number: string; occurred_at: Date; applicant_name: string; delivery_mode: HallDisplayCall['deliveryMode'] }> =
        await manager.query(
          `SELECT e.action, e.case_number, e.occurred_at, a.applicant_name, a.delivery_mode
             FROM application_events e
             JOIN applications a ON a.tenant_id = e.tenant_id AND a.id = e.application_id
            WHERE e.tenant_id = $1 AND e.action = ANY($2) AND e.case_number IS NOT NULL
            ORDER BY e.seq DESC
            LIMIT $3`,
          [tenantId, ANNOUNCED_ACTIONS, HALL_DISPLAY_CALLS],
        );
      const counts: HallDisplayCounts = {
        receivedToday: Number(countRow?.receivedToday ?? 0),
        acceptedToday: Number(countRow?.acceptedToday ?? 0),
        completedToday: Number(countRow?.completedToday ?? 0),
        inProgress: Number(countRow?.inProgress ?? 0),
        overdue: Number(countRow?.overdue ?? 0),
      };
      const calls: HallDisplayCall[] = events.map((event) => {
        const kind = CALL_KIND_OF_ACTION[event.action] ?? 'accepted';
        return {
          kind,
          caseNumber: event.case_number,
          applicantMasked: maskApplicantName(event.applicant_name),
          deliveryMode: kind === 'completed' ? event.delivery_mode : null,
          at: new Date(event.occurred_at).toISOString(),
        };
      });
      return { centreCode: tenantId, centreName: centres[0]?.name ?? tenantId, date, generatedAt: now.toISOString(), counts, calls };
    });
  }
}

function toView(row: HallDisplayEntity): HallDisplayView {
  return {
    id: row.id,
    centreCode: row.tenantId,
    name: row.name,
    tokenHint: row.tokenHint,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    lastSeenAt: row.lastSeenAt ? row.lastSeenAt.toISOString() : null,
    revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
  };
}
