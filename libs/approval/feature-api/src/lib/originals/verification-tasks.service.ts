import { Injectable } from '@nestjs/common';
import { OriginalsCheckRepository, VerificationTaskEntity } from '@zhengwu/approval/data-access';
import { UnitOfWork } from '@zhengwu/server/core/database';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import { MaterialTransfer, RoutedOutbox } from '@zhengwu/server/routing';
import { MaterialStore } from '@zhengwu/server/storage';
import type {
  CompleteVerificationRequest,
  MaterialAttestation,
  PageOf,
  VerificationCompletedV1,
  VerificationTaskView,
} from '@zhengwu/shared/contracts';
import type { Readable } from 'node:stream';
import { ApprovalError } from '../approval-errors';

/**
 * The verifying clerk's queue (原件核验): every check this centre must do, for another centre's case
 * or its own. The clerk compares each original with its uploaded copy, records the result per
 * material, the ID check and where the paper went; completing signs and routes the attestation back.
 */
@Injectable()
export class VerificationTasksService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly checks: OriginalsCheckRepository,
    private readonly outbox: RoutedOutbox,
    private readonly transfer: MaterialTransfer,
    private readonly store: MaterialStore,
  ) {}

  list(tenantId: string, status: 'pending' | 'completed', page: number, pageSize: number): Promise<PageOf<VerificationTaskView>> {
    return this.uow.run({ tenantId }, async () => {
      const [tasks, total] = await this.checks.tasks(tenantId, status, page, pageSize);
      return { items: tasks.map(taskView), total, page, pageSize };
    });
  }

  view(tenantId: string, taskId: string): Promise<VerificationTaskView> {
    return this.uow.run({ tenantId }, async () => taskView(await this.task(tenantId, taskId)));
  }

  /** A copy the requester sent with this task (and only those): fetched from the object store if needed. */
  async copy(tenantId: string, taskId: string, sha256: string): Promise<{ stream: Readable; mediaType: string; fileName: string }> {
    const task = await this.uow.run({ tenantId }, () => this.task(tenantId, taskId));
    const material = task.manifest.find((m) => m.sha256 === sha256);
    if (!material) throw ApprovalError.MATERIAL_VERSION_NOT_FOUND();
    if (!this.store.has(sha256)) await this.transfer.fetch(sha256);
    return { stream: this.store.open(sha256), mediaType: material.mediaType, fileName: material.fileName };
  }

  complete(tenantId: string, principal: StaffPrincipal, taskId: string, request: CompleteVerificationRequest): Promise<VerificationTaskView> {
    return this.uow.run({ tenantId }, async () => {
      const task = await this.task(tenantId, taskId);
      if (task.status !== 'pending') throw ApprovalError.VERIFICATION_ALREADY_COMPLETED();
      const results = this.attestation(task, request);
      const now = new Date();
      const completed = await this.checks.completeTask(tenantId, taskId, {
        completedAt: now,
        completedBy: principal.id,
        completedByName: principal.name,
        results,
        identityChecked: request.identityChecked,
        custody: request.custody,
        courierNumber: request.courierNumber ?? null,
      });
      if (!completed) throw ApprovalError.VERIFICATION_ALREADY_COMPLETED();
      const payload: VerificationCompletedV1 = {
        caseNumber: task.caseNumber,
        materials: results,
        identityChecked: request.identityChecked,
        custody: request.custody,
        ...(request.courierNumber ? { courierNumber: request.courierNumber } : {}),
        verifiedBy: principal.id,
        verifiedAt: now.toISOString(),
      };
      await this.outbox.send(tenantId, {
        type: 'verification.completed.v1',
        to: task.handlingCentre,
        issue: task.caseNumber,
        actor: principal.id,
        payload,
        replyTo: task.requestEnvelope,
      });
      return taskView({ ...task, status: 'completed', completedAt: now, completedByName: principal.name, results, identityChecked: request.identityChecked, custody: request.custody, courierNumber: request.courierNumber ?? null });
    });
  }

  /** Every material of the manifest exactly once, at the version that was sent; a mismatch needs a note. */
  private attestation(task: VerificationTaskEntity, request: CompleteVerificationRequest): MaterialAttestation[] {
    const byCode = new Map(request.materials.map((m) => [m.code, m]));
    if (byCode.size !== request.materials.length || byCode.size !== task.manifest.length) {
      throw ApprovalError.VERIFICATION_INCOMPLETE({ expected: task.manifest.map((m) => m.code) });
    }
    if (request.custody === 'forwarded' && !request.courierNumber) throw ApprovalError.COURIER_NUMBER_REQUIRED();
    return task.manifest.map((material) => {
      const checked = byCode.get(material.code);
      if (!checked || checked.version !== material.version) {
        throw ApprovalError.VERIFICATION_INCOMPLETE({ material: material.code, expectedVersion: material.version });
      }
      if (checked.result === 'mismatch' && !checked.note) throw ApprovalError.VERIFICATION_NOTE_REQUIRED({ material: material.code });
      return { code: material.code, version: material.version, sha256: material.sha256, result: checked.result, ...(checked.note ? { note: checked.note } : {}) };
    });
  }

  private async task(tenantId: string, taskId: string): Promise<VerificationTaskEntity> {
    const task = await this.checks.task(tenantId, taskId);
    if (!task) throw ApprovalError.VERIFICATION_TASK_NOT_FOUND();
    return task;
  }
}

function taskView(task: VerificationTaskEntity): VerificationTaskView {
  return {
    id: task.id,
    handlingCentre: task.handlingCentre,
    caseNumber: task.caseNumber,
    itemName: task.itemName,
    applicant: task.applicant,
    materials: task.manifest,
    status: task.status,
    due: task.due,
    dueProvisional: task.dueProvisional,
    createdAt: task.createdAt.toISOString(),
    completedAt: task.completedAt?.toISOString() ?? null,
    completedBy: task.completedByName,
    results: task.results,
    identityChecked: task.identityChecked,
    custody: task.custody,
    courierNumber: task.courierNumber,
  };
}
