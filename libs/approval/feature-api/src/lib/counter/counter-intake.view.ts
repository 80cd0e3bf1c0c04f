import type { CounterIntakeEntity, CounterIntakeMaterialEntity } from '@zhengwu/approval/data-access';
import { ApplicationStatus } from '@zhengwu/approval/domain';
import type { CounterIntakeView } from '@zhengwu/shared/contracts';

/** The handling centre returned the case for correction, and the correction has not been sent yet. */
export function awaitsCorrection(intake: CounterIntakeEntity): boolean {
  return (
    intake.status === 'reported' &&
    (intake.handlingStatus === ApplicationStatus.Returned || intake.handlingStatus === ApplicationStatus.CorrectionRequested)
  );
}

/** The latest version of each scanned material, in code order. */
export function latestMaterials(scans: CounterIntakeMaterialEntity[]): CounterIntakeMaterialEntity[] {
  const latest = new Map<string, CounterIntakeMaterialEntity>();
  for (const scan of scans) {
    const current = latest.get(scan.materialCode);
    if (!current || current.version < scan.version) latest.set(scan.materialCode, scan);
  }
  return [...latest.values()].sort((a, b) => a.materialCode.localeCompare(b.materialCode));
}

export function counterIntakeView(intake: CounterIntakeEntity, scans: CounterIntakeMaterialEntity[]): CounterIntakeView {
  return {
    id: intake.id,
    centreCode: intake.tenantId,
    itemCentre: intake.itemCentre,
    itemId: intake.itemId,
    itemName: intake.itemName,
    applicant: { kind: intake.applicantKind, name: intake.applicantName, identityMasked: intake.applicantIdentityMasked },
    formData: intake.formData,
    deliveryMode: intake.deliveryMode,
    status: intake.status,
    identityChecked: intake.identityChecked,
    attestation: intake.attestation,
    receivedBy: intake.receivedByName,
    createdAt: intake.createdAt.toISOString(),
    forwardedAt: intake.forwardedAt?.toISOString() ?? null,
    caseNumber: intake.caseNumber,
    handlingStatus: intake.handlingStatus,
    resultType: intake.resultType,
    lastNote: intake.lastNote,
    awaitingCorrection: awaitsCorrection(intake),
    supplementedAt: intake.supplementedAt?.toISOString() ?? null,
    supplementCount: intake.supplementCount,
    materials: latestMaterials(scans).map((m) => ({
      code: m.materialCode,
      name: m.name,
      version: m.version,
      sha256: m.sha256,
      mediaType: m.mediaType,
      sizeBytes: Number(m.sizeBytes),
      fileName: m.fileName,
      originalCount: m.originalCount,
      copyCount: m.copyCount,
      uploadedAt: m.uploadedAt.toISOString(),
    })),
    history: intake.history,
    version: intake.version,
  };
}
