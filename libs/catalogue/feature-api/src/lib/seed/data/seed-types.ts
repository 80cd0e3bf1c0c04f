import type { CaseType, CrossRegionScope, ItemTypeCode, OriginalsCheckPoint, ProcedureStep, TimeLimit } from '@zhengwu/catalogue/domain';

/** The demo catalogue as data: what `CatalogueDemoSeedService` creates through the use cases. */
export interface SeedCentre {
  code: string;
  /** e.g. 遂宁市政务服务中心（遂宁市河东新区…）, used in 办理地点和时间. */
  hall: string;
  consultationPhone: string;
  departments: SeedDepartment[];
  windows: SeedWindow[];
  items: SeedItem[];
}

export interface SeedDepartment {
  code: string;
  name: string;
  /** Serial of the agency's unified social credit code (category 11: organ of state). */
  agencySerial: number;
}

export interface SeedWindow {
  code: string;
  name: string;
  departmentCode: string | null;
  location: string;
  serviceHours: string;
}

/** A material by its library code, optionally adjusted for this item. */
export type SeedMaterialRef = string | ({ code: string } & Partial<Omit<SeedMaterial, 'code'>>);

export interface SeedMaterial {
  code: string;
  name: string;
  /** ASCII title for the generated sample PDF (the standard PDF fonts cannot draw Chinese). */
  sampleTitle: string;
  description: string;
  required: boolean;
  originalCount: number;
  copyCount: number;
  deferrable: boolean;
  commitmentAllowed: boolean;
}

export interface SeedItem {
  departmentCode: string;
  name: string;
  /** GB/T 39554.1 basic code (12 characters); the implementation and local codes derive from it. */
  basicCode: string;
  itemType: ItemTypeCode;
  level: number;
  caseType: CaseType;
  legal: TimeLimit;
  promised: TimeLimit;
  crossRegionScope: CrossRegionScope;
  serviceObjects: number[];
  handlingForms: number[];
  onlineApplicable: boolean;
  fullyOnline: boolean;
  feeFen: number;
  feeDescription: string;
  originalsCheckRequired: boolean;
  originalsCheckPoint?: OriginalsCheckPoint;
  onSiteInspection: boolean;
  acceptanceConditions: string;
  legalBasis: string;
  materials: SeedMaterialRef[];
  steps: ProcedureStep[];
}
