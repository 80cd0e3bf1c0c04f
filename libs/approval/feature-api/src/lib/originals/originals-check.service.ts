import { Injectable } from '@nestjs/common';
import { ApplicationEntity, ApplicationRecordsRepository, ApprovalSettingsRepository, OriginalsCheckRepository } from '@zhengwu/approval/data-access';
import { CatalogueReader } from '@zhengwu/catalogue/data-access';
import { envelopeHash, MaterialTransfer, RoutedOutbox } from '@zhengwu/server/routing';
import type { ManifestMaterial, VerificationRequestedV1 } from '@zhengwu/shared/contracts';

/**
 * Asks the centre the applicant chose (就地就近; possibly the handling centre itself) to check the
 * paper originals: the request leaves through the routing outbox in the caller's unit of work, so
 * it is sent if and only if the change that needs it (approval, submission) commits. The verifier
 * gets the manifest and the copies, and an identity summary: nothing else of the case.
 */
@Injectable()
export class OriginalsCheckService {
  constructor(
    private readonly records: ApplicationRecordsRepository,
    private readonly checks: OriginalsCheckRepository,
    private readonly settings: ApprovalSettingsRepository,
    private readonly catalogue: CatalogueReader,
    private readonly outbox: RoutedOutbox,
    private readonly transfer: MaterialTransfer,
  ) {}

  async request(application: ApplicationEntity, actorId: string | null): Promise<void> {
    const tenantId = application.tenantId;
    if (!application.caseNumber || !application.verificationCentre) {
      throw new Error(`Application ${application.id} has no case number or verification centre for an originals check`);
    }
    const materials = await this.manifest(application);
    const { verificationWorkingDays } = await this.settings.of(tenantId);
    // Copies for a verifier on another deployment travel through the object store, keyed by hash.
    await this.transfer.offer(materials.map((material) => material.sha256));
    const payload: VerificationRequestedV1 = {
      caseNumber: application.caseNumber,
      itemName: application.itemName,
      applicant: { kind: application.applicantKind, name: application.applicantName, identityMasked: application.applicantIdentityMasked },
      materials,
      limitWorkingDays: verificationWorkingDays,
    };
    const envelope = await this.outbox.send(tenantId, {
      type: 'verification.requested.v1',
      to: application.verificationCentre,
      issue: application.caseNumber,
      actor: actorId,
      payload,
    });
    await this.checks.addCheck(tenantId, {
      tenantId,
      applicationId: application.id,
      applicantId: application.applicantId,
      verifyingCentre: application.verificationCentre,
      requestEnvelopeId: envelope.id,
      requestHash: envelopeHash(envelope),
      requestedAt: new Date(envelope.createdAt),
      status: 'requested',
      results: null,
      identityChecked: null,
      custody: null,
      courierNumber: null,
      verifiedBy: null,
      verifiedAt: null,
      attestationEnvelopeId: null,
      attestationSignature: null,
      completedAt: null,
      paperArrivedAt: null,
    });
  }

  /** The latest version of every material with an original or copy to show. */
  private async manifest(application: ApplicationEntity): Promise<ManifestMaterial[]> {
    const item = await this.catalogue.itemForApplication(application.tenantId, application.itemId);
    const requirements = new Map((item?.materials ?? []).map((m) => [m.code, m]));
    const latest = new Map<string, Awaited<ReturnType<ApplicationRecordsRepository['materialVersions']>>[number]>();
    for (const version of await this.records.materialVersions(application.tenantId, application.id)) {
      latest.set(version.materialCode, version);
    }
    return [...latest.values()].map((version) => {
      const requirement = requirements.get(version.materialCode);
      return {
        code: version.materialCode,
        name: requirement?.name ?? version.materialCode,
        version: version.version,
        sha256: version.sha256,
        mediaType: version.mediaType,
        sizeBytes: Number(version.sizeBytes),
        fileName: version.fileName,
        originalCount: requirement?.originalCount ?? 1,
        copyCount: requirement?.copyCount ?? 0,
      };
    });
  }
}
