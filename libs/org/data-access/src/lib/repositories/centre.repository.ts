import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CentreEntity } from '../entities/centre.entity';
import { DivisionEntity } from '../entities/division.entity';

/** Reference data shared by all centres (no tenant scope, read-only for the runtime role). */
@Injectable()
export class CentreRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every centre in force, whichever deployment serves it. */
  listAll(): Promise<CentreEntity[]> {
    return this.dataSource.getRepository(CentreEntity).find({ order: { code: 'ASC' } });
  }

  findDivision(code: string): Promise<DivisionEntity | null> {
    return this.dataSource.getRepository(DivisionEntity).findOne({ where: { code } });
  }
}
