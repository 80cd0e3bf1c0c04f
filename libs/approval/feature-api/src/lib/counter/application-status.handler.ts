import { Injectable } from '@nestjs/common';
import { CounterIntakeRepository, IntakeReport } from '@zhengwu/approval/data-access';
import { RouteHandler } from '@zhengwu/server/routing';
import type { ApplicationStatusV1, Envelope } from '@zhengwu/shared/contracts';
import { ApprovalError } from '../approval-errors';

/**
 * At the receiving counter: the handling centre reports where a forwarded case stands. Every report
 * joins the intake's history; the current fields follow the latest report by its time, so a late
 * delivery of an older report cannot move the counter's view backwards.
 */
@Injectable()
@RouteHandler('application.status.v1')
export class ApplicationStatusHandler {
  constructor(private readonly intakes: CounterIntakeRepository) {}

  async handle(envelope: Envelope<ApplicationStatusV1>): Promise<void> {
    const tenantId = envelope.to;
    const { payload } = envelope;
    const intake = await this.intakes.findForUpdate(tenantId, payload.intakeId);
    // Only the centre the intake went to may report on it.
    if (!intake || intake.itemCentre !== envelope.from || intake.status === 'drafting') {
      throw ApprovalError.INTAKE_REPORT_MISMATCH({ intakeId: payload.intakeId });
    }
    const report: IntakeReport = {
      status: payload.status,
      caseNumber: payload.caseNumber ?? null,
      resultType: payload.resultType ?? null,
      note: payload.note ?? null,
      at: payload.at,
    };
    const history = [...intake.history, report].sort((a, b) => a.at.localeCompare(b.at));
    const latest = history[history.length - 1] as IntakeReport;
    await this.intakes.update(tenantId, intake.id, {
      status: 'reported',
      history,
      handlingStatus: latest.status,
      caseNumber: latest.caseNumber ?? intake.caseNumber,
      resultType: latest.resultType,
      lastNote: latest.note,
      lastReportedAt: new Date(latest.at),
      version: intake.version + 1,
    });
  }
}
