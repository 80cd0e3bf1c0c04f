import type { CaseType, CrossRegionScope, ItemTypeCode, OriginalsCheckPoint, StepPost } from './code-tables';
import type { TimeLimit } from './procedure';

/** A procedure version exactly as an application pinned it (published versions never change). */
export interface PinnedProcedure {
  versionId: string;
  version: number;
  steps: Array<{ position: number; code: string; name: string; post: StepPost; limitWorkingDays: number }>;
}

export interface MaterialForApplication {
  code: string;
  name: string;
  required: boolean;
  originalCount: number;
  copyCount: number;
  /** 容缺: may be accepted while this material is still owed. */
  deferrable: boolean;
  /** 告知承诺 (国办发〔2020〕42号): a written promise may replace it. */
  commitmentAllowed: boolean;
  sampleDocumentId: string | null;
}

/** What the approval core needs of a published item to open an application on it. */
export interface ItemForApplication {
  id: string;
  name: string;
  departmentId: string;
  departmentName: string;
  itemTypeCode: ItemTypeCode;
  caseType: CaseType;
  promisedLimit: TimeLimit;
  legalLimit: TimeLimit;
  originalsCheckRequired: boolean;
  originalsCheckPoint: OriginalsCheckPoint;
  onlineApplicable: boolean;
  serviceObjects: number[];
  crossRegionScope: CrossRegionScope;
  materials: MaterialForApplication[];
  procedure: PinnedProcedure;
}
