import { Injectable } from '@nestjs/common';
import { ApplicationStatus } from '@zhengwu/approval/domain';
import { ApplicationRecordsRepository, ApplicationRepository, OriginalsCheckRepository } from '@zhengwu/approval/data-access';
import { CatalogueReader } from '@zhengwu/catalogue/data-access';
import { envelopeHash, MaterialTransfer, RoutedOutbox, RouteHandler } from '@zhengwu/server/routing';
import type { ApplicationForwardedV1, ApplicationStatusV1, Envelope } from '@zhengwu/shared/contracts';
import { ApplicationWorkflow } from '../workflow/application-workflow.service';
import { CaseNumbering } from '../workflow/case-numbering';
import { newApplication } from '../workflow/new-application';
import { counterScanVersion } from './counter-scan-version';

/**
 * At the handling centre: an application received at another centre's counter (异地代收) becomes a
 * submitted case here, in the inbox's transaction: the scans are fetched into this deployment's
 * store first (a failed fetch is retried with the message), the case gets its number, and the
 * window clerks pre-review it like any other. Originals the counter saw match (with the ID checked)
 * count as verified, trust level B, with the counter's signed message as the attestation; otherwise
 * the check is asked of the counter's centre at the point the item defines.
 */
@Injectable()
@RouteHandler('application.forwarded.v1')
export class ApplicationForwardedHandler {
  constructor(
    private readonly catalogue: CatalogueReader,
    private readonly applications: ApplicationRepository,
    private readonly records: ApplicationRecordsRepository,
    private readonly checks: OriginalsCheckRepository,
    private readonly workflow: ApplicationWorkflow,
    private readonly numbering: CaseNumbering,
    private readonly transfer: MaterialTransfer,
    private readonly outbox: RoutedOutbox,
  ) {}

  async handle(envelope: Envelope<ApplicationForwardedV1>): Promise<void> {
    const tenantId = envelope.to;
    const { payload } = envelope;
    const item = await this.catalogue.itemForApplication(tenantId, payload.itemId);
    if (!item) {
      // Nothing to create: the counter learns why, and the applicant is told there.
      const refusal: ApplicationStatusV1 = {
        intakeId: payload.intakeId,
        status: ApplicationStatus.NotAccepted,
        note: '该事项不存在或已停止办理。The item does not exist or is no longer handled.',
        at: new Date().toISOString(),
      };
      await this.outbox.send(tenantId, { type: 'application.status.v1', to: envelope.from, issue: null, actor: null, payload: refusal });
      return;
    }
    for (const material of payload.materials) await this.transfer.fetch(material.sha256, tenantId);

    const byCode = new Map(payload.attestation.map((a) => [a.code, a]));
    const seenMatching = payload.materials.length > 0 && payload.materials.every((m) => byCode.get(m.code)?.result === 'match' && byCode.get(m.code)?.sha256 === m.sha256);
    const verifiedAtCounter = item.originalsCheckRequired && seenMatching;
    const draft = newApplication({
      tenantId,
      item,
      applicant: { id: payload.applicantId, ...payload.applicant },
      receivingCentre: envelope.from,
      verificationCentre: item.originalsCheckRequired ? envelope.from : null,
      deliveryMode: payload.deliveryMode,
      formData: payload.formData,
      counterIntakeId: payload.intakeId,
      receivedByName: payload.receivedBy,
    });
    draft.originalsVerified = verifiedAtCounter;
    await this.applications.insert(tenantId, draft);
    const now = new Date();
    for (const material of payload.materials) {
      await this.records.addMaterialVersion(tenantId, counterScanVersion(draft, material, byCode.get(material.code), `${envelope.from}:${payload.receivedBy}`, now));
    }
    if (verifiedAtCounter) {
      await this.checks.addCheck(tenantId, {
        tenantId,
        applicationId: draft.id,
        applicantId: draft.applicantId,
        verifyingCentre: envelope.from,
        requestEnvelopeId: envelope.id,
        requestHash: envelopeHash(envelope),
        requestedAt: new Date(envelope.createdAt),
        status: 'matched',
        results: payload.attestation,
        identityChecked: true,
        custody: null,
        courierNumber: null,
        verifiedBy: envelope.actor,
        verifiedAt: new Date(payload.receivedAt),
        attestationEnvelopeId: envelope.id,
        attestationSignature: envelope.signature,
        completedAt: now,
        paperArrivedAt: null,
      });
    }
    await this.workflow.perform(draft, 'submit', {
      actor: { kind: 'system', id: null, name: null },
      expectedVersion: null,
      comment: `窗口代收 ${envelope.from} ${payload.receivedBy}`,
      changes: await this.numbering.assign(tenantId, draft.itemTypeCode, now),
      eventData: { forwardedFrom: envelope.from, envelope: envelope.id },
    });
  }
}
