import { Injectable } from '@nestjs/common';
import { ApplicationStatus } from '@zhengwu/approval/domain';
import { ApplicationRecordsRepository, ApplicationRepository, OriginalsCheckRepository } from '@zhengwu/approval/data-access';
import { CatalogueReader } from '@zhengwu/catalogue/data-access';
import { RouteHandler } from '@zhengwu/server/routing';
import type { Envelope, VerificationCompletedV1 } from '@zhengwu/shared/contracts';
import { ApprovalError } from '../approval-errors';
import { ApplicantNotifier } from '../workflow/applicant-notifier';
import { ApplicationWorkflow } from '../workflow/application-workflow.service';

const SYSTEM = { kind: 'system' as const, id: null, name: null };

/**
 * At the handling centre: the verifier's signed attestation (核验证明) answers an originals check.
 * It is recorded on the case; matching originals make those materials trust level B; a full match
 * with the ID checked lets the case be issued (办结); anything else goes back to the applicant with
 * a notice naming the materials.
 */
@Injectable()
@RouteHandler('verification.completed.v1')
export class VerificationCompletedHandler {
  constructor(
    private readonly checks: OriginalsCheckRepository,
    private readonly applications: ApplicationRepository,
    private readonly records: ApplicationRecordsRepository,
    private readonly catalogue: CatalogueReader,
    private readonly workflow: ApplicationWorkflow,
    private readonly notifier: ApplicantNotifier,
  ) {}

  async handle(envelope: Envelope<VerificationCompletedV1>): Promise<void> {
    const tenantId = envelope.to;
    const check = envelope.requestHash ? await this.checks.checkByRequestHash(tenantId, envelope.requestHash) : null;
    // Only the centre that was asked may answer, about the case it was asked about, once.
    if (!check || check.verifyingCentre !== envelope.from || check.status !== 'requested') {
      throw ApprovalError.ATTESTATION_MISMATCH({ requestHash: envelope.requestHash });
    }
    const application = await this.applications.findById(tenantId, check.applicationId);
    if (!application || application.caseNumber !== envelope.payload.caseNumber) throw ApprovalError.ATTESTATION_MISMATCH();
    const { payload } = envelope;
    const matched = payload.identityChecked && payload.materials.every((material) => material.result === 'match');
    await this.checks.updateCheck(tenantId, check.applicationId, check.seq, {
      status: matched ? 'matched' : 'mismatched',
      results: payload.materials,
      identityChecked: payload.identityChecked,
      custody: payload.custody,
      courierNumber: payload.courierNumber ?? null,
      verifiedBy: payload.verifiedBy,
      verifiedAt: new Date(payload.verifiedAt),
      attestationEnvelopeId: envelope.id,
      attestationSignature: envelope.signature,
      completedAt: new Date(),
    });
    for (const material of payload.materials.filter((m) => m.result === 'match')) {
      await this.records.raiseTrustLevel(tenantId, application.id, material.code, material.version, 'B');
    }

    const comment = `核验中心 ${envelope.from}`;
    if (matched) {
      let updated = await this.workflow.perform(application, 'originals_verified', { actor: SYSTEM, expectedVersion: null, comment, eventData: { attestation: envelope.id } });
      if (updated.status === ApplicationStatus.Approved) {
        updated = await this.workflow.perform(updated, 'complete', { actor: SYSTEM, expectedVersion: null, comment });
        await this.notifier.notify(updated, 'application.completed', {});
      }
      return;
    }
    const item = await this.catalogue.itemForApplication(tenantId, application.itemId);
    const names = new Map((item?.materials ?? []).map((m) => [m.code, m.name]));
    const defects = payload.materials
      .filter((material) => material.result !== 'match')
      .map((material) => ({
        materialCode: material.code,
        kind: material.result === 'mismatch' ? ('inconsistent' as const) : ('other' as const),
        explanation: material.result === 'mismatch' ? `原件与上传的复印件不一致：${material.note ?? ''}` : '核验时未出示原件。',
      }));
    if (!payload.identityChecked) {
      defects.push({ materialCode: defects[0]?.materialCode ?? payload.materials[0].code, kind: 'other', explanation: '核验时未能核对申请人身份证件。' });
    }
    const updated = await this.workflow.perform(application, 'originals_mismatch', { actor: SYSTEM, expectedVersion: null, comment, eventData: { attestation: envelope.id } });
    await this.records.addNotice(tenantId, {
      tenantId,
      applicationId: application.id,
      seq: updated.noticesSent,
      applicantId: application.applicantId,
      sentAt: new Date(),
      sentBy: null,
      defects,
      overrideReason: null,
      overrideBy: null,
    });
    await this.notifier.notify(updated, 'application.returned', {
      defects: defects.map((defect) => ({ materialName: names.get(defect.materialCode) ?? defect.materialCode, explanation: defect.explanation })),
    });
  }
}
