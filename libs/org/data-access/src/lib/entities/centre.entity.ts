import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A government service centre: one per current division, and the tenant key of its data. */
@Entity({ name: 'centres' })
export class CentreEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'centres_pkey' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'division_name', type: 'text' })
  divisionName!: string;

  @Column({ type: 'text' })
  level!: 'province' | 'city' | 'county';

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;
}
