import type { AtRiskStepView } from '@zhengwu/shared/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The board's figures as the centre's last sweep left them (in its transaction): what a board
 * request reads instead of counting the open work itself.
 */
export interface BoardSummary {
  /** When they were counted (the end of the sweep, by the API's clock). */
  countedAt: string;
  /** Open cases, and how many of them have an open yellow / red alert at most (the case's highest level). */
  open: number;
  yellow: number;
  red: number;
  /** Open red alerts, and open yellow alerts of cases without an open red one (the board's two lists, counted). */
  overdueAlerts: number;
  dueSoonAlerts: number;
  /** The predicted-risk list (highest first, at most the board's length). */
  atRisk: AtRiskStepView[];
}

/** A centre's sweep lease: the row a sweeper locks (FOR UPDATE SKIP LOCKED) while it sweeps that centre. */
@Entity({ name: 'supervision_sweep_leases' })
export class SupervisionSweepLeaseEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'supervision_sweep_leases_pkey' }) tenantId!: string;
  @Column({ type: 'text', nullable: true }) holder!: string | null;
  @Column({ name: 'leased_at', type: 'timestamptz', nullable: true }) leasedAt!: Date | null;
  @Column({ name: 'last_swept_at', type: 'timestamptz', nullable: true }) lastSweptAt!: Date | null;
  @Column({ name: 'last_sweep_as_of', type: 'timestamptz', nullable: true }) lastSweepAsOf!: Date | null;
  @Column({ name: 'last_report', type: 'jsonb', nullable: true }) lastReport!: object | null;
  @Column({ type: 'jsonb', nullable: true }) board!: BoardSummary | null;
  /** The centre's cases may not all carry the level their alerts give them (CaseLevelProjection). */
  @Column({ name: 'levels_behind', type: 'boolean' }) levelsBehind!: boolean;
}
