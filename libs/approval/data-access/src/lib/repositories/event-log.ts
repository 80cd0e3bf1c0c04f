import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@zhengwu/server/core/database';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { ApplicationEventEntity } from '../entities/application-event.entity';
import { tenantManager, tenantRepository } from './approval-tx';

export const GENESIS_HASH = '0'.repeat(64);

/** PostgreSQL NOTIFY channel announcing that an application changed (see ApplicationChangeFeed). */
export const APPLICATION_CHANGES_CHANNEL = 'application_changes';

export type NewApplicationEvent = Omit<ApplicationEventEntity, 'tenantId' | 'seq' | 'prevHash' | 'hash'>;

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first event that does not hash to what the chain says, or breaks the sequence. */
  brokenAt?: { seq: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch' };
}

/** What each event's hash covers: everything that says what happened, canonically encoded (RFC 8785). */
export function eventHash(prevHash: string, event: Omit<ApplicationEventEntity, 'prevHash' | 'hash'>): string {
  const payload = canonicalize({
    tenantId: event.tenantId,
    seq: String(event.seq),
    applicationId: event.applicationId,
    applicantId: event.applicantId,
    caseNumber: event.caseNumber,
    actorKind: event.actorKind,
    actorId: event.actorId,
    actorPost: event.actorPost,
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    fromStep: event.fromStep,
    toStep: event.toStep,
    comment: event.comment,
    data: event.data,
    occurredAt: event.occurredAt.toISOString(),
  });
  return createHash('sha256').update(`${prevHash}\n${payload}`).digest('hex');
}

/**
 * Appends transition events to the centre's hash chain, in the caller's unit of work. Locking the
 * chain head serialises appends per centre, so the chain has no forks and no gaps.
 */
@Injectable()
export class EventLog {
  constructor(private readonly uow: UnitOfWork) {}

  async append(tenantId: string, event: NewApplicationEvent): Promise<ApplicationEventEntity> {
    const manager = tenantManager(this.uow, tenantId);
    await manager.query(
      `INSERT INTO event_chain_heads (tenant_id, last_seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT (tenant_id) DO NOTHING`,
      [tenantId, GENESIS_HASH],
    );
    const heads: Array<{ last_seq: string; last_hash: string }> = await manager.query(
      'SELECT last_seq, last_hash FROM event_chain_heads WHERE tenant_id = $1 FOR UPDATE',
      [tenantId],
    );
    const head = heads[0];
    if (!head) throw new Error(`No event chain head for ${tenantId}`);
    const seq = (BigInt(head.last_seq) + 1n).toString();
    const unhashed = { ...event, tenantId, seq };
    const hash = eventHash(head.last_hash, unhashed);
    const row: ApplicationEventEntity = { ...unhashed, prevHash: head.last_hash, hash };
    await tenantRepository(this.uow, tenantId, ApplicationEventEntity).insert(row);
    await manager.query('UPDATE event_chain_heads SET last_seq = $2, last_hash = $3 WHERE tenant_id = $1', [tenantId, seq, hash]);
    // Delivered to listeners when (and only if) the transaction commits: live progress for the
    // applicant and the staff, without polling. The payload names the case, nothing of its content.
    await manager.query('SELECT pg_notify($1, $2)', [APPLICATION_CHANGES_CHANNEL, JSON.stringify({ t: tenantId, a: event.applicationId, s: seq })]);
    return row;
  }

  eventsOf(tenantId: string, applicationId: string): Promise<ApplicationEventEntity[]> {
    return tenantRepository(this.uow, tenantId, ApplicationEventEntity).find({ where: { tenantId, applicationId }, order: { seq: 'ASC' } });
  }

  /** Recomputes the whole chain of a centre, in batches, and compares it with the stored head. */
  async verify(tenantId: string, batchSize = 2000): Promise<ChainVerification> {
    const manager = tenantManager(this.uow, tenantId);
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let checked = 0;
    for (;;) {
      const batch = await tenantRepository(this.uow, tenantId, ApplicationEventEntity)
        .createQueryBuilder('e')
        .where('e.tenant_id = :tenantId AND e.seq >= :from', { tenantId, from: expectedSeq.toString() })
        .orderBy('e.seq', 'ASC')
        .take(batchSize)
        .getMany();
      for (const event of batch) {
        if (BigInt(event.seq) !== expectedSeq) return { ok: false, checked, brokenAt: { seq: event.seq, reason: 'sequence_gap' } };
        if (event.prevHash !== prevHash) return { ok: false, checked, brokenAt: { seq: event.seq, reason: 'prev_hash_mismatch' } };
        const { prevHash: _p, hash: _h, ...unhashed } = event;
        if (eventHash(prevHash, unhashed) !== event.hash) return { ok: false, checked, brokenAt: { seq: event.seq, reason: 'hash_mismatch' } };
        prevHash = event.hash;
        expectedSeq += 1n;
        checked += 1;
      }
      if (batch.length < batchSize) break;
    }
    const heads: Array<{ last_seq: string; last_hash: string }> = await manager.query(
      'SELECT last_seq, last_hash FROM event_chain_heads WHERE tenant_id = $1',
      [tenantId],
    );
    const head = heads[0];
    if (head && (BigInt(head.last_seq) !== expectedSeq - 1n || head.last_hash !== prevHash)) {
      return { ok: false, checked, brokenAt: { seq: head.last_seq, reason: 'head_mismatch' } };
    }
    return { ok: true, checked };
  }
}
