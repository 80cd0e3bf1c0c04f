import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A centre's own deviation from the national working-day schedule for one date. */
@Entity({ name: 'calendar_overrides' })
export class CalendarOverrideEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'calendar_overrides_pkey' })
  tenantId!: string;

  /** `YYYY-MM-DD` (TypeORM reads `date` columns as strings, never through the machine's time zone). */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'calendar_overrides_pkey' })
  date!: string;

  @Column({ type: 'text' })
  kind!: 'closed' | 'open';

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
