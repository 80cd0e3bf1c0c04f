import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Signed directories received as `directory.updated.v1`, so a restart keeps the newest. Not a
 * tenant table: the directory is public, signed data of the whole province (like `divisions`),
 * re-verified against the pinned root key whenever it is read. Keyed by the root that signed it.
 */
@Entity({ name: 'routing_directory_versions' })
export class RoutingDirectoryVersionEntity {
  @PrimaryColumn({ name: 'root_key_id', type: 'text', primaryKeyConstraintName: 'routing_directory_versions_pkey' })
  rootKeyId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'routing_directory_versions_pkey' })
  version!: number;

  @Column({ type: 'text' })
  document!: string;

  /** The envelope it arrived in. */
  @Column({ name: 'envelope_id', type: 'uuid', nullable: true })
  envelopeId!: string | null;

  @Column({ name: 'stored_at', type: 'timestamptz' })
  storedAt!: Date;
}
