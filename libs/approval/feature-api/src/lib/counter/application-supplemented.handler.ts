import { Injectable } from '@nestjs/common';
import { ApplicationStatus } from '@zhengwu/approval/domain';
import { ApplicationRecordsRepository, ApplicationRepository } from '@zhengwu/approval/data-access';
import { MaterialTransfer, RouteHandler } from '@zhengwu/server/routing';
import type { ApplicationSupplementedV1, Envelope } from '@zhengwu/shared/contracts';
import { ApprovalError } from '../approval-errors';
import { ApplicationWorkflow } from '../workflow/application-workflow.service';
import { counterScanVersion } from './counter-scan-version';
import { IntakeStatusReporter } from './intake-status-reporter';

const AWAITING_CORRECTION: readonly ApplicationStatus[] = [ApplicationStatus.Returned, ApplicationStatus.CorrectionRequested];

/**
 * At the handling centre: the counter that forwarded a case sends the corrections its one-time
 * notice asked for (代收补正). In the inbox's transaction the new scans are fetched, each material
 * whose latest scan is not already held becomes a new version (trust level B when its original was
 * seen to match), and the case is resubmitted to pre-review, exactly as an applicant's online
 * resubmission would. The status report back to the counter follows from the transition.
 */
@Injectable()
@RouteHandler('application.supplemented.v1')
export class ApplicationSupplementedHandler {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly records: ApplicationRecordsRepository,
    private readonly workflow: ApplicationWorkflow,
    private readonly transfer: MaterialTransfer,
    private readonly reporter: IntakeStatusReporter,
  ) {}

  async handle(envelope: Envelope<ApplicationSupplementedV1>): Promise<void> {
    const tenantId = envelope.to;
    const { payload } = envelope;
    // Only the counter the case came from may correct it.
    const application = await this.applications.findByCounterIntake(tenantId, envelope.from, payload.intakeId);
    if (!application) throw ApprovalError.INTAKE_REPORT_MISMATCH({ intakeId: payload.intakeId });
    if (!AWAITING_CORRECTION.includes(application.status)) {
      // Withdrawn or decided meanwhile: nothing to resubmit; the counter is told where the case stands.
      await this.reporter.report(application, null, '该办件当前状态不能补正。The case can no longer be corrected in its current state.', new Date());
      return;
    }

    const held = new Map<string, string>();
    for (const version of await this.records.materialVersions(tenantId, application.id)) held.set(version.materialCode, version.sha256);
    const attested = new Map(payload.attestation.map((a) => [a.code, a]));
    const now = new Date();
    for (const material of payload.materials) {
      if (held.get(material.code) === material.sha256) continue;
      await this.transfer.fetch(material.sha256, tenantId);
      await this.records.addMaterialVersion(
        tenantId,
        counterScanVersion(application, material, attested.get(material.code), `${envelope.from}:${payload.receivedBy}`, now),
      );
    }
    await this.workflow.perform(application, 'resubmit', {
      actor: { kind: 'system', id: null, name: null },
      expectedVersion: null,
      comment: `窗口代收补正 ${envelope.from} ${payload.receivedBy}`,
      eventData: { supplementedFrom: envelope.from, envelope: envelope.id },
    });
  }
}
