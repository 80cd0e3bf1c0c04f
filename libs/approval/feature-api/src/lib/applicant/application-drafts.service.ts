import { Injectable } from '@nestjs/common';
import { ApplicationStatus } from '@zhengwu/approval/domain';
import { ApplicationEntity, ApplicationRecordsRepository, ApplicationRepository } from '@zhengwu/approval/data-access';
import { CatalogueReader } from '@zhengwu/catalogue/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import { PlatformError } from '@zhengwu/server/core/errors';
import type { ApplicantPrincipal } from '@zhengwu/server/core/tenancy';
import { MaterialStore, UploadReceiver } from '@zhengwu/server/storage';
import type { ApplicationView, CreateApplicationRequest, UpdateApplicationRequest } from '@zhengwu/shared/contracts';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { ApprovalError } from '../approval-errors';
import { ApplicationViewBuilder } from '../views/application-view.builder';
import { ApplicationWorkflow } from '../workflow/application-workflow.service';
import { newApplication } from '../workflow/new-application';
import { defaultVerificationCentre, isCurrentCentre } from './verification-centre';

/** Materials may change while the applicant still owns the next move. */
const EDITABLE = new Set<ApplicationStatus>([ApplicationStatus.Draft, ApplicationStatus.Returned, ApplicationStatus.AcceptedMaterialsOwed]);

@Injectable()
export class ApplicationDraftsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly applications: ApplicationRepository,
    private readonly records: ApplicationRecordsRepository,
    private readonly catalogue: CatalogueReader,
    private readonly views: ApplicationViewBuilder,
    private readonly uploads: UploadReceiver,
    private readonly store: MaterialStore,
    private readonly workflow: ApplicationWorkflow,
  ) {}

  create(tenantId: string, principal: ApplicantPrincipal, request: CreateApplicationRequest): Promise<ApplicationView> {
    return this.uow.run({ tenantId, applicantId: principal.id }, async () => {
      const item = await this.catalogue.itemForApplication(tenantId, request.itemId);
      if (!item || !item.onlineApplicable) throw ApprovalError.ITEM_NOT_AVAILABLE({ itemId: request.itemId });
      // Who applies comes from the verified token: the account may live at another deployment.
      const applicant = { id: principal.id, kind: principal.applicantKind, name: principal.name, identityMasked: principal.identityMasked };
      const verificationCentre = item.originalsCheckRequired
        ? this.verificationCentre(request.verificationCentre, applicant.identityMasked, applicant.kind, tenantId)
        : null;
      const application = newApplication({
        tenantId,
        item,
        applicant,
        receivingCentre: tenantId,
        verificationCentre,
        deliveryMode: request.deliveryMode ?? 'electronic',
        formData: request.formData ?? {},
      });
      await this.applications.insert(tenantId, application);
      return this.views.build(application, { kind: 'applicant' });
    });
  }

  update(tenantId: string, principal: ApplicantPrincipal, applicationId: string, request: UpdateApplicationRequest): Promise<ApplicationView> {
    return this.uow.run({ tenantId, applicantId: principal.id }, async () => {
      const application = await this.ownApplication(tenantId, applicationId);
      if (application.status !== ApplicationStatus.Draft && application.status !== ApplicationStatus.Returned) {
        throw ApprovalError.APPLICATION_NOT_EDITABLE({ status: application.status });
      }
      const changes: Partial<ApplicationEntity> = {};
      if (request.formData) changes.formData = request.formData;
      if (request.deliveryMode) changes.deliveryMode = request.deliveryMode;
      if (request.verificationCentre && application.originalsCheckRequired) {
        changes.verificationCentre = this.verificationCentre(request.verificationCentre, application.applicantIdentityMasked, application.applicantKind, tenantId);
      }
      if (!(await this.applications.updateIfVersion(tenantId, application.id, request.version, changes))) {
        throw PlatformError.CONCURRENT_MODIFICATION();
      }
      return this.views.build({ ...application, ...changes, version: application.version + 1 }, { kind: 'applicant' });
    });
  }

  /** Streams one material into the content-addressed store, then records it as a new version. */
  async upload(tenantId: string, principal: ApplicantPrincipal, applicationId: string, materialCode: string, request: FastifyRequest): Promise<ApplicationView> {
    const { application, codes } = await this.uow.run({ tenantId, applicantId: principal.id }, async () => {
      const found = await this.ownApplication(tenantId, applicationId);
      const item = await this.catalogue.itemForApplication(tenantId, found.itemId);
      return { application: found, codes: new Set(item?.materials.map((m) => m.code) ?? []) };
    });
    if (!EDITABLE.has(application.status)) throw ApprovalError.APPLICATION_NOT_EDITABLE({ status: application.status });
    if (!codes.has(materialCode)) throw ApprovalError.MATERIAL_NOT_REQUIRED_BY_ITEM({ materialCode });
    const received = await this.uploads.receive(request);
    return this.uow.run({ tenantId, applicantId: principal.id }, async () => {
      const current = await this.ownApplication(tenantId, applicationId);
      if (!EDITABLE.has(current.status)) throw ApprovalError.APPLICATION_NOT_EDITABLE({ status: current.status });
      await this.records.addMaterialVersion(tenantId, {
        tenantId,
        applicationId,
        applicantId: current.applicantId,
        materialCode,
        sha256: received.object.sha256,
        sizeBytes: String(received.object.size),
        mediaType: received.object.mediaType,
        fileName: received.fileName,
        uploadedAt: new Date(),
        uploadedByKind: 'applicant',
        uploadedBy: principal.id,
      });
      return this.views.build(current, { kind: 'applicant' });
    });
  }

  /** The applicant withdraws before a decision (撤回). */
  withdraw(tenantId: string, principal: ApplicantPrincipal, applicationId: string, reason: string | undefined): Promise<ApplicationView> {
    return this.uow.run({ tenantId, applicantId: principal.id }, async () => {
      const application = await this.workflow.load(tenantId, applicationId);
      const updated = await this.workflow.perform(application, 'withdraw', {
        actor: { kind: 'applicant', id: principal.id, name: principal.name },
        expectedVersion: null,
        ...(reason ? { reason } : {}),
      });
      return this.views.build(updated, { kind: 'applicant' });
    });
  }

  /** The bytes of one material version, to its applicant or to staff of the handling centre. */
  async download(
    tenantId: string,
    scope: { applicantId?: string },
    applicationId: string,
    materialCode: string,
    version: number,
  ): Promise<{ stream: Readable; mediaType: string; fileName: string; size: number }> {
    const material = await this.uow.run({ tenantId, ...scope }, () =>
      this.records.materialVersion(tenantId, applicationId, materialCode, version),
    );
    if (!material) throw ApprovalError.MATERIAL_VERSION_NOT_FOUND();
    return { stream: this.store.open(material.sha256), mediaType: material.mediaType, fileName: material.fileName, size: Number(material.sizeBytes) };
  }

  private async ownApplication(tenantId: string, applicationId: string): Promise<ApplicationEntity> {
    const application = await this.applications.findById(tenantId, applicationId);
    if (!application) throw ApprovalError.APPLICATION_NOT_FOUND();
    return application;
  }

  private verificationCentre(requested: string | undefined, identityMasked: string, kind: ApplicationEntity['applicantKind'], tenantId: string): string {
    if (requested === undefined) return defaultVerificationCentre(identityMasked, kind, tenantId);
    if (!isCurrentCentre(requested)) throw ApprovalError.VERIFICATION_CENTRE_INVALID({ verificationCentre: requested });
    return requested;
  }
}
