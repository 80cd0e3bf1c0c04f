import { Injectable } from '@nestjs/common';
import { CounterIntakeEntity, CounterIntakeMaterialEntity, CounterIntakeRepository } from '@zhengwu/approval/data-access';
import { CatalogueReader } from '@zhengwu/catalogue/data-access';
import { PersonalDataProtector } from '@zhengwu/server/core/crypto';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import { CentreDirectory, MaterialTransfer, RoutedOutbox } from '@zhengwu/server/routing';
import { MaterialStore, UploadReceiver } from '@zhengwu/server/storage';
import type {
  ApplicationForwardedV1,
  ApplicationSupplementedV1,
  CounterIntakeMaterialQuery,
  CounterIntakeStatus,
  CounterIntakeView,
  CreateCounterIntakeRequest,
  ForwardCounterIntakeRequest,
  ManifestMaterial,
  MaterialAttestation,
  PageOf,
} from '@zhengwu/shared/contracts';
import { maskResidentIdNumber, normaliseResidentIdNumber, normaliseUscc } from '@zhengwu/shared/util';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { ApprovalError } from '../approval-errors';
import { isCurrentCentre } from '../applicant/verification-centre';
import { awaitsCorrection, counterIntakeView, latestMaterials } from './counter-intake.view';

/** What the handling centre is sent of the scans: their latest versions, by hash. */
function manifestOf(latest: CounterIntakeMaterialEntity[]): ManifestMaterial[] {
  return latest.map((m) => ({
    code: m.materialCode,
    name: m.name,
    version: m.version,
    sha256: m.sha256,
    mediaType: m.mediaType,
    sizeBytes: Number(m.sizeBytes),
    fileName: m.fileName,
    originalCount: m.originalCount,
    copyCount: m.copyCount,
  }));
}

/** Namespace of the walk-in applicants' pseudonymous ids (UUIDv5 of a keyed hash of the identity number). */
const WALK_IN_NAMESPACE = '6f1d4c52-9a51-4c0e-8f53-2f0b6f3c7a10';

/**
 * 窗口代收: a window clerk files an application for a walk-in applicant, for an item of this centre or
 * of any other centre in the directory. The clerk checks the ID card, scans each material, checks
 * the originals on the spot, and forwards: the case is created at the item's centre from the routed
 * `application.forwarded.v1` (through the same outbox and inbox when that centre is this one), and
 * its status comes back here as `application.status.v1`.
 */
@Injectable()
export class CounterIntakeService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly intakes: CounterIntakeRepository,
    private readonly catalogue: CatalogueReader,
    private readonly directory: CentreDirectory,
    private readonly protector: PersonalDataProtector,
    private readonly uploads: UploadReceiver,
    private readonly store: MaterialStore,
    private readonly outbox: RoutedOutbox,
    private readonly transfer: MaterialTransfer,
  ) {}

  async create(tenantId: string, staff: StaffPrincipal, request: CreateCounterIntakeRequest): Promise<CounterIntakeView> {
    if (!isCurrentCentre(request.itemCentre) || !this.directory.has(request.itemCentre)) {
      throw ApprovalError.INTAKE_CENTRE_UNKNOWN({ itemCentre: request.itemCentre });
    }
    // The item's own catalogue decides when it is hosted here; another deployment's item is checked on arrival.
    let itemName = request.itemName;
    if (this.directory.deploymentOf(request.itemCentre) === this.directory.deploymentOf(tenantId)) {
      const item = await this.catalogue.itemForApplication(request.itemCentre, request.itemId);
      if (!item) throw ApprovalError.ITEM_NOT_AVAILABLE({ itemId: request.itemId });
      itemName = item.name;
    }
    const { kind, name, mobile } = request.applicant;
    const identity = kind === 'natural_person' ? normaliseResidentIdNumber(request.applicant.identityNumber) : normaliseUscc(request.applicant.identityNumber);
    const now = new Date();
    const intake: CounterIntakeEntity = {
      tenantId,
      id: uuidv7(),
      itemCentre: request.itemCentre,
      itemId: request.itemId,
      itemName,
      applicantId: uuidv5(this.protector.lookupHash('walk-in-applicant', identity), WALK_IN_NAMESPACE),
      applicantKind: kind,
      applicantName: name.trim(),
      applicantIdentityMasked: kind === 'natural_person' ? maskResidentIdNumber(identity) : identity,
      applicantMobileSealed: this.protector.encrypt(mobile),
      formData: request.formData ?? {},
      deliveryMode: request.deliveryMode ?? 'window',
      status: 'drafting',
      identityChecked: false,
      attestation: [],
      receivedBy: staff.id,
      receivedByName: staff.name,
      forwardEnvelopeId: null,
      forwardedAt: null,
      caseNumber: null,
      handlingStatus: null,
      resultType: null,
      lastNote: null,
      lastReportedAt: null,
      history: [],
      supplementedAt: null,
      supplementCount: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    return this.uow.run({ tenantId }, async () => {
      await this.intakes.insert(tenantId, intake);
      return counterIntakeView(intake, []);
    });
  }

  list(tenantId: string, status: CounterIntakeStatus | undefined, page: number, pageSize: number): Promise<PageOf<CounterIntakeView>> {
    return this.uow.run({ tenantId }, async () => {
      const [rows, total] = await this.intakes.page(tenantId, status, page, pageSize);
      const items = await Promise.all(rows.map(async (row) => counterIntakeView(row, await this.intakes.materials(tenantId, row.id))));
      return { items, total, page, pageSize };
    });
  }

  view(tenantId: string, id: string): Promise<CounterIntakeView> {
    return this.uow.run({ tenantId }, async () => {
      const intake = await this.intake(tenantId, id);
      return counterIntakeView(intake, await this.intakes.materials(tenantId, id));
    });
  }

  /** One scanned material, streamed into the content-addressed store; a rescan is a new version. */
  async scan(tenantId: string, staff: StaffPrincipal, id: string, materialCode: string, query: CounterIntakeMaterialQuery, request: FastifyRequest): Promise<CounterIntakeView> {
    await this.uow.run({ tenantId }, async () => this.assertScannable(await this.intake(tenantId, id)));
    const received = await this.uploads.receive(request);
    return this.uow.run({ tenantId }, async () => {
      const intake = await this.intakes.findForUpdate(tenantId, id);
      if (!intake) throw ApprovalError.INTAKE_NOT_FOUND();
      this.assertScannable(intake);
      await this.intakes.addMaterial(tenantId, {
        tenantId,
        intakeId: id,
        materialCode,
        name: query.name?.trim() || materialCode,
        sha256: received.object.sha256,
        sizeBytes: String(received.object.size),
        mediaType: received.object.mediaType,
        fileName: received.fileName,
        originalCount: query.originalCount ?? 1,
        copyCount: query.copyCount ?? 0,
        uploadedAt: new Date(),
        uploadedBy: staff.id,
      });
      return counterIntakeView(intake, await this.intakes.materials(tenantId, id));
    });
  }

  async scanFile(tenantId: string, id: string, materialCode: string, version: number): Promise<{ stream: Readable; mediaType: string; fileName: string }> {
    const material = await this.uow.run({ tenantId }, async () => {
      await this.intake(tenantId, id);
      return (await this.intakes.materials(tenantId, id)).find((m) => m.materialCode === materialCode && m.version === version);
    });
    if (!material) throw ApprovalError.MATERIAL_VERSION_NOT_FOUND();
    return { stream: this.store.open(material.sha256), mediaType: material.mediaType, fileName: material.fileName };
  }

  /**
   * Sends the intake to the item's centre: the message and the intake's new state commit together.
   * Forwarding again (a double click, a retry after a lost response) returns the intake as it is.
   */
  forward(tenantId: string, staff: StaffPrincipal, id: string, request: ForwardCounterIntakeRequest): Promise<CounterIntakeView> {
    return this.uow.run({ tenantId }, async () => {
      const intake = await this.intakes.findForUpdate(tenantId, id);
      if (!intake) throw ApprovalError.INTAKE_NOT_FOUND();
      const scans = await this.intakes.materials(tenantId, id);
      if (intake.status !== 'drafting') return counterIntakeView(intake, scans);
      if (!request.identityChecked) throw ApprovalError.INTAKE_IDENTITY_NOT_CHECKED();
      const latest = latestMaterials(scans);
      if (latest.length === 0) throw ApprovalError.INTAKE_MATERIALS_MISSING();
      const attestation = this.attestation(latest, request);
      const manifest = manifestOf(latest);
      // Scans for a centre on another deployment travel through the object store, keyed by hash.
      await this.transfer.offer(manifest.map((m) => m.sha256));
      const now = new Date();
      const payload: ApplicationForwardedV1 = {
        intakeId: intake.id,
        itemId: intake.itemId,
        applicantId: intake.applicantId,
        applicant: { kind: intake.applicantKind, name: intake.applicantName, identityMasked: intake.applicantIdentityMasked },
        formData: intake.formData,
        materials: manifest,
        attestation,
        receivedBy: staff.name,
        receivedAt: intake.createdAt.toISOString(),
        deliveryMode: intake.deliveryMode,
      };
      const envelope = await this.outbox.send(tenantId, { type: 'application.forwarded.v1', to: intake.itemCentre, issue: null, actor: staff.id, payload });
      const changes: Partial<CounterIntakeEntity> = {
        status: 'forwarded',
        identityChecked: true,
        attestation,
        forwardEnvelopeId: envelope.id,
        forwardedAt: now,
        version: intake.version + 1,
      };
      await this.intakes.update(tenantId, id, changes);
      return counterIntakeView({ ...intake, ...changes }, scans);
    });
  }

  /**
   * 代收补正: the handling centre returned the case with a one-time notice; the applicant brought the
   * corrected materials back here. Once the clerk has rescanned at least one material and checked
   * the originals again, the latest scans go up as `application.supplemented.v1` (in the same
   * transaction as the intake's change) and the case is resubmitted there. A repeat before the
   * handling centre answers returns the intake as it is.
   */
  supplement(tenantId: string, staff: StaffPrincipal, id: string, request: ForwardCounterIntakeRequest): Promise<CounterIntakeView> {
    return this.uow.run({ tenantId }, async () => {
      const intake = await this.intakes.findForUpdate(tenantId, id);
      if (!intake) throw ApprovalError.INTAKE_NOT_FOUND();
      const scans = await this.intakes.materials(tenantId, id);
      if (intake.status === 'forwarded' && intake.supplementedAt) return counterIntakeView(intake, scans);
      if (!awaitsCorrection(intake)) throw ApprovalError.INTAKE_NOT_RETURNED();
      if (!request.identityChecked) throw ApprovalError.INTAKE_IDENTITY_NOT_CHECKED();
      const lastSent = intake.supplementedAt ?? intake.forwardedAt ?? intake.createdAt;
      const latest = latestMaterials(scans);
      if (!latest.some((m) => m.uploadedAt > lastSent)) throw ApprovalError.INTAKE_NOTHING_CORRECTED();
      const attestation = this.attestation(latest, request);
      const manifest = manifestOf(latest);
      await this.transfer.offer(manifest.map((m) => m.sha256));
      const now = new Date();
      const payload: ApplicationSupplementedV1 = { intakeId: intake.id, materials: manifest, attestation, receivedBy: staff.name, receivedAt: now.toISOString() };
      await this.outbox.send(tenantId, { type: 'application.supplemented.v1', to: intake.itemCentre, issue: intake.caseNumber, actor: staff.id, payload });
      const changes: Partial<CounterIntakeEntity> = {
        status: 'forwarded',
        attestation,
        supplementedAt: now,
        supplementCount: intake.supplementCount + 1,
        version: intake.version + 1,
      };
      await this.intakes.update(tenantId, id, changes);
      return counterIntakeView({ ...intake, ...changes }, scans);
    });
  }

  /** The on-the-spot check: each result names the latest version of a scanned material. */
  private attestation(latest: CounterIntakeMaterialEntity[], request: ForwardCounterIntakeRequest): MaterialAttestation[] {
    const byCode = new Map(latest.map((m) => [m.materialCode, m]));
    const seen = new Set<string>();
    return (request.originals ?? []).map((check) => {
      const material = byCode.get(check.code);
      if (!material || material.version !== check.version || seen.has(check.code) || (check.result === 'mismatch' && !check.note)) {
        throw ApprovalError.INTAKE_ORIGINALS_INVALID({ material: check.code });
      }
      seen.add(check.code);
      return { code: check.code, version: check.version, sha256: material.sha256, result: check.result, ...(check.note ? { note: check.note } : {}) };
    });
  }

  /** Scans are taken while drafting, and again when the handling centre returned the case for correction. */
  private assertScannable(intake: CounterIntakeEntity): void {
    if (intake.status !== 'drafting' && !awaitsCorrection(intake)) throw ApprovalError.INTAKE_NOT_EDITABLE();
  }

  private async intake(tenantId: string, id: string): Promise<CounterIntakeEntity> {
    const intake = await this.intakes.find(tenantId, id);
    if (!intake) throw ApprovalError.INTAKE_NOT_FOUND();
    return intake;
  }
}
