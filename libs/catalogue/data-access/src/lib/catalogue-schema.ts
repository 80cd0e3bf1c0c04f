import { DepartmentEntity } from './entities/department.entity';
import { ItemEntity } from './entities/item.entity';
import { MaterialRequirementEntity } from './entities/material-requirement.entity';
import { ProcedureStepEntity } from './entities/procedure-step.entity';
import { ProcedureVersionEntity } from './entities/procedure-version.entity';
import { SampleDocumentEntity } from './entities/sample-document.entity';
import { WindowEntity } from './entities/window.entity';
import { DepartmentsAndWindows1795790000100 } from './migrations/1795790000100-departments-and-windows';
import { Items1795790000200 } from './migrations/1795790000200-items';
import { SampleDocumentsAndMaterials1795790000300 } from './migrations/1795790000300-sample-documents-and-materials';
import { ProcedureVersions1795790000400 } from './migrations/1795790000400-procedure-versions';

export const CATALOGUE_ENTITIES = [
  DepartmentEntity,
  WindowEntity,
  ItemEntity,
  SampleDocumentEntity,
  MaterialRequirementEntity,
  ProcedureVersionEntity,
  ProcedureStepEntity,
];

export const CATALOGUE_MIGRATIONS = [
  DepartmentsAndWindows1795790000100,
  Items1795790000200,
  SampleDocumentsAndMaterials1795790000300,
  ProcedureVersions1795790000400,
];
