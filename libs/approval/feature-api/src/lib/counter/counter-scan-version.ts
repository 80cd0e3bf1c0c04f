import type { ApplicationMaterialEntity } from '@zhengwu/approval/data-access';
import type { ManifestMaterial, MaterialAttestation } from '@zhengwu/shared/contracts';

type NewMaterialVersion = Omit<ApplicationMaterialEntity, 'version' | 'trustLevel'> & { trustLevel?: ApplicationMaterialEntity['trustLevel'] };

/**
 * A scan sent up from another centre's counter, as a material version of the case here: recorded
 * as the counter clerk's upload, and trust level B when the clerk saw its original match.
 */
export function counterScanVersion(
  application: { tenantId: string; id: string; applicantId: string },
  material: ManifestMaterial,
  attested: MaterialAttestation | undefined,
  receivedBy: string,
  at: Date,
): NewMaterialVersion {
  return {
    tenantId: application.tenantId,
    applicationId: application.id,
    applicantId: application.applicantId,
    materialCode: material.code,
    sha256: material.sha256,
    sizeBytes: String(material.sizeBytes),
    mediaType: material.mediaType,
    fileName: material.fileName,
    uploadedAt: at,
    uploadedByKind: 'staff',
    uploadedBy: receivedBy,
    ...(attested?.result === 'match' && attested.sha256 === material.sha256 ? { trustLevel: 'B' as const } : {}),
  };
}
