import { Module } from '@nestjs/common';
import { CatalogueDataAccessModule } from '@zhengwu/catalogue/data-access';
import { OrgDataAccessModule } from '@zhengwu/org/data-access';
import { CodeTablesController } from './code-tables/code-tables.controller';
import { DepartmentsController } from './departments/departments.controller';
import { ManageDepartmentsService } from './departments/manage-departments.service';
import { ItemGuideService } from './items/item-guide.service';
import { ItemsController } from './items/items.controller';
import { ManageItemsService } from './items/manage-items.service';
import { SearchItemsService } from './items/search-items.service';
import { ManageMaterialsService } from './materials/manage-materials.service';
import { MaterialsController } from './materials/materials.controller';
import { ManageProceduresService } from './procedures/manage-procedures.service';
import { ProcedureVersionsController } from './procedures/procedure-versions.controller';
import { PublishProcedureService } from './procedures/publish-procedure.service';
import { SampleDocumentsController } from './samples/sample-documents.controller';
import { SampleDocumentsService } from './samples/sample-documents.service';
import { CatalogueDemoSeedService } from './seed/catalogue-demo-seed.service';
import { DemoItemSeeder } from './seed/demo-item.seeder';
import { DemoOrganisationSeeder } from './seed/demo-organisation.seeder';

/** Scope catalogue: departments, windows, items, materials, sample documents and procedures. */
@Module({
  imports: [CatalogueDataAccessModule, OrgDataAccessModule],
  controllers: [
    CodeTablesController,
    DepartmentsController,
    ItemsController,
    MaterialsController,
    SampleDocumentsController,
    ProcedureVersionsController,
  ],
  providers: [
    ManageDepartmentsService,
    SearchItemsService,
    ItemGuideService,
    ManageItemsService,
    ManageMaterialsService,
    SampleDocumentsService,
    ManageProceduresService,
    PublishProcedureService,
    DemoOrganisationSeeder,
    DemoItemSeeder,
    CatalogueDemoSeedService,
  ],
  exports: [CatalogueDataAccessModule],
})
export class CatalogueFeatureModule {}
