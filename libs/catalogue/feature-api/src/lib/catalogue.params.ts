import { IsUUID, Matches } from 'class-validator';

/** A route addressing one centre: `/centres/:centreCode/...`. */
export class CatalogueCentreParams {
  @Matches(/^\d{6}$/, { message: 'centreCode must be a 6-digit division code' })
  centreCode!: string;
}

export class DepartmentParams extends CatalogueCentreParams {
  @IsUUID('all')
  departmentId!: string;
}

export class WindowParams extends CatalogueCentreParams {
  @IsUUID('all')
  windowId!: string;
}

export class ItemParams extends CatalogueCentreParams {
  @IsUUID('all')
  itemId!: string;
}

export class MaterialParams extends ItemParams {
  @IsUUID('all')
  materialId!: string;
}

export class SampleDocumentParams extends CatalogueCentreParams {
  @IsUUID('all')
  sampleDocumentId!: string;
}

export class ProcedureVersionParams extends CatalogueCentreParams {
  @IsUUID('all')
  versionId!: string;
}
