import { Injectable } from '@nestjs/common';
import { ApplicationStatus } from '@zhengwu/approval/domain';
import { ApplicationRecordsRepository, IdempotencyRepository, OriginalsCheckRepository } from '@zhengwu/approval/data-access';
import { CatalogueReader } from '@zhengwu/catalogue/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { ApplicantPrincipal } from '@zhengwu/server/core/tenancy';
import type { ApplicationView } from '@zhengwu/shared/contracts';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { ApprovalError } from '../approval-errors';
import { awaitsOriginalsCheck } from '../originals/check-point';
import { OriginalsCheckService } from '../originals/originals-check.service';
import { ApplicationViewBuilder } from '../views/application-view.builder';
import { ApplicationWorkflow } from '../workflow/application-workflow.service';
import { CaseNumbering } from '../workflow/case-numbering';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Submits (or, after a one-time notice, resubmits) an application. The Idempotency-Key makes a
 * retried submission return the first result: the key, the case number and the transition commit
 * together, and a concurrent duplicate waits on the key's lock and then finds the stored result.
 */
@Injectable()
export class SubmitApplicationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly workflow: ApplicationWorkflow,
    private readonly records: ApplicationRecordsRepository,
    private readonly catalogue: CatalogueReader,
    private readonly numbering: CaseNumbering,
    private readonly idempotency: IdempotencyRepository,
    private readonly views: ApplicationViewBuilder,
    private readonly originals: OriginalsCheckService,
    private readonly checks: OriginalsCheckRepository,
  ) {}

  submit(tenantId: string, principal: ApplicantPrincipal, applicationId: string, idempotencyKey: string | undefined): Promise<ApplicationView> {
    if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey)) throw ApprovalError.IDEMPOTENCY_KEY_REQUIRED();
    const requestHash = createHash('sha256').update(canonicalize({ action: 'submit', tenantId, applicationId }) ?? '').digest('hex');
    return this.uow.run({ tenantId, applicantId: principal.id }, async () => {
      const previous = await this.idempotency.find(tenantId, principal.id, idempotencyKey);
      if (previous) {
        if (previous.requestHash !== requestHash) throw ApprovalError.IDEMPOTENCY_KEY_REUSED();
        return previous.response as ApplicationView;
      }
      const application = await this.workflow.load(tenantId, applicationId);
      await this.assertMaterialsComplete(tenantId, application.id, application.itemId);
      const first = application.status === ApplicationStatus.Draft;
      const now = new Date();
      const changes = first ? await this.numbering.assign(tenantId, application.itemTypeCode, now) : {};
      const updated = await this.workflow.perform(application, first ? 'submit' : 'resubmit', {
        actor: { kind: 'applicant', id: principal.id, name: principal.name },
        expectedVersion: null,
        changes,
      });
      // Items whose originals are seen before acceptance ask for the check as soon as they are submitted.
      if (awaitsOriginalsCheck(updated, 'before_acceptance') && !(await this.checks.checksOf(tenantId, updated.id)).some((c) => c.status === 'requested')) {
        await this.originals.request(updated, null);
      }
      const view = await this.views.build(updated, { kind: 'applicant' });
      await this.idempotency.store(tenantId, principal.id, idempotencyKey, { requestHash, statusCode: 200, response: view });
      return view;
    });
  }

  private async assertMaterialsComplete(tenantId: string, applicationId: string, itemId: string): Promise<void> {
    const item = await this.catalogue.itemForApplication(tenantId, itemId);
    if (!item) throw ApprovalError.ITEM_NOT_AVAILABLE({ itemId });
    const uploaded = new Set((await this.records.materialVersions(tenantId, applicationId)).map((m) => m.materialCode));
    const missing = item.materials.filter((material) => material.required && !uploaded.has(material.code)).map((m) => ({ code: m.code, name: m.name }));
    if (missing.length > 0) throw ApprovalError.MATERIALS_MISSING({ missing });
  }
}
