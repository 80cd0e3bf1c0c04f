import { TypeOrmModule } from '@nestjs/typeorm';
import { CATALOGUE_ENTITIES } from './catalogue-schema';
import { Module } from '@nestjs/common';
import { CatalogueReader } from './catalogue-reader';
import { DepartmentRepository } from './repositories/department.repository';
import { ItemRepository } from './repositories/item.repository';
import { MaterialRequirementRepository } from './repositories/material-requirement.repository';
import { ProcedureRepository } from './repositories/procedure.repository';
import { SampleDocumentRepository } from './repositories/sample-document.repository';
import { WindowRepository } from './repositories/window.repository';

const PROVIDERS = [
  DepartmentRepository,
  WindowRepository,
  ItemRepository,
  MaterialRequirementRepository,
  SampleDocumentRepository,
  ProcedureRepository,
  CatalogueReader,
];

@Module({
  // The entities register themselves with the DataSource (autoLoadEntities) wherever this module is used.
  imports: [TypeOrmModule.forFeature(CATALOGUE_ENTITIES)],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class CatalogueDataAccessModule {}
