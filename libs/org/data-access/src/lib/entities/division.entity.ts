import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A GB/T 2260 division code, versioned: renamed codes stay with `valid_to` and a successor. */
@Entity({ name: 'divisions' })
@Index('divisions_parent_code_idx', ['parentCode'])
export class DivisionEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'divisions_pkey' })
  code!: string;

  @Column({ name: 'code12', type: 'text' })
  code12!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  level!: 'province' | 'city' | 'county';

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ name: 'successor_code', type: 'text', nullable: true })
  successorCode!: string | null;
}
