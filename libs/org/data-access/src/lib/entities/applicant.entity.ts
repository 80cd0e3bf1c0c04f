import type { ApplicantKind } from '@zhengwu/shared/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An applicant account (natural or legal person). Not a tenant table: an applicant applies at any
 * centre. Row-level security binds each row to its own applicant id, or to a login lookup by the
 * keyed hash of an identifier. Identity and mobile numbers are stored as keyed hash (for lookup and
 * uniqueness), AES-GCM ciphertext and masked display, never in clear.
 */
@Entity({ name: 'applicants' })
@Index('applicants_identity_hash_key', ['identityHash'], { unique: true })
@Index('applicants_mobile_hash_idx', ['mobileHash'])
export class ApplicantEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'applicants_pkey' })
  id!: string;

  @Column({ type: 'text' })
  kind!: ApplicantKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'identity_hash', type: 'text' })
  identityHash!: string;

  @Column({ name: 'identity_sealed', type: 'text' })
  identitySealed!: string;

  @Column({ name: 'identity_masked', type: 'text' })
  identityMasked!: string;

  @Column({ name: 'mobile_hash', type: 'text' })
  mobileHash!: string;

  @Column({ name: 'mobile_sealed', type: 'text' })
  mobileSealed!: string;

  @Column({ name: 'mobile_masked', type: 'text' })
  mobileMasked!: string;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'failed_logins', type: 'integer', default: 0 })
  failedLogins!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
