import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A screen in the centre's hall (大厅屏) allowed to read the centre's public feed with its token. */
@Entity({ name: 'hall_displays' })
export class HallDisplayEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text', primaryKeyConstraintName: 'hall_displays_pkey' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'hall_displays_pkey' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  /** SHA-256 (hex) of the token; the token itself is shown once and never stored. */
  @Column({ name: 'token_hash', type: 'text' }) tokenHash!: string;
  @Column({ name: 'token_hint', type: 'text' }) tokenHint!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'created_by_name', type: 'text' }) createdByName!: string;
  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true }) lastSeenAt!: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}
