import type {
  DepartmentEntity,
  ItemEntity,
  MaterialRequirementEntity,
  ProcedureStepEntity,
  ProcedureVersionEntity,
  SampleDocumentEntity,
  WindowEntity,
} from '@zhengwu/catalogue/data-access';
import type {
  DepartmentView,
  ItemSummary,
  MaterialView,
  ProcedureStepView,
  ProcedureVersionView,
  SampleDocumentView,
  WindowView,
} from '@zhengwu/shared/contracts';

/** Entity → response shape, in one place so every route answers alike. */
export function departmentView(department: DepartmentEntity): DepartmentView {
  return { id: department.id, code: department.code, name: department.name, ordering: department.ordering };
}

export function windowView(window: WindowEntity, departments: ReadonlyMap<string, DepartmentEntity>): WindowView {
  return {
    id: window.id,
    code: window.code,
    name: window.name,
    departmentId: window.departmentId,
    departmentName: window.departmentId ? (departments.get(window.departmentId)?.name ?? null) : null,
    location: window.location,
    serviceHours: window.serviceHours,
  };
}

export function itemSummary(item: ItemEntity, department: DepartmentEntity | undefined): ItemSummary {
  return {
    id: item.id,
    name: item.name,
    status: item.status,
    department: { id: item.departmentId, code: department?.code ?? '', name: department?.name ?? '' },
    basicCode: item.basicCode,
    implementationCode: item.implementationCode,
    localCode: item.localCode,
    itemType: item.itemType,
    level: item.level,
    caseType: item.caseType,
    legalLimit: { value: item.legalLimitValue, unit: item.legalLimitUnit },
    promisedLimit: { value: item.promisedLimitValue, unit: item.promisedLimitUnit },
    crossRegionScope: item.crossRegionScope,
    serviceObjects: [...item.serviceObjects].sort((a, b) => a - b),
    handlingForms: [...item.handlingForms].sort((a, b) => a - b),
    onlineApplicable: item.onlineApplicable,
    fullyOnline: item.fullyOnline,
    fee: { amountFen: item.feeFen, description: item.feeDescription },
  };
}

export function sampleDocumentPath(centreCode: string, id: string): string {
  return `/api/v1/centres/${centreCode}/sample-documents/${id}`;
}

export function sampleDocumentView(document: SampleDocumentEntity): SampleDocumentView {
  return {
    id: document.id,
    fileName: document.fileName,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    uploadedAt: document.uploadedAt.toISOString(),
    url: sampleDocumentPath(document.tenantId, document.id),
  };
}

export function materialView(material: MaterialRequirementEntity, samples: ReadonlyMap<string, SampleDocumentEntity>): MaterialView {
  const sample = material.sampleDocumentId ? samples.get(material.sampleDocumentId) : undefined;
  return {
    id: material.id,
    code: material.code,
    name: material.name,
    description: material.description,
    required: material.required,
    originalCount: material.originalCount,
    copyCount: material.copyCount,
    deferrable: material.deferrable,
    commitmentAllowed: material.commitmentAllowed,
    ordering: material.ordering,
    sampleDocument: sample ? sampleDocumentView(sample) : null,
  };
}

export function stepView(step: ProcedureStepEntity): ProcedureStepView {
  return { position: step.position, code: step.code, name: step.name, post: step.post, limitWorkingDays: step.limitWorkingDays };
}

export function procedureVersionView(version: ProcedureVersionEntity, steps: readonly ProcedureStepEntity[]): ProcedureVersionView {
  return {
    id: version.id,
    itemId: version.itemId,
    version: version.version,
    status: version.status,
    createdAt: version.createdAt.toISOString(),
    publishedAt: version.publishedAt?.toISOString() ?? null,
    steps: steps.map(stepView),
  };
}

export function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}
