import type { ApplicationView, PageOf, VerificationTaskView } from '@zhengwu/shared/contracts';
import { ApiClient, Applicant } from '../api';

/** 就地就近: a Suining (city) food-licence case whose originals a Shehong (county) resident has checked at Shehong. */
export const HANDLING_CENTRE = '510900';
export const VERIFYING_CENTRE = '510981';
export const ITEM_NAME = '食品经营许可（新办）';

const centres = '/api/v1/centres';

/** A case at the approver's step: its approval is the request the benchmark times. */
export interface ReadyCase {
  id: string;
  caseNumber: string;
  version: number;
}

export interface StaffTokens {
  clerk: string;
  reviewer: string;
  approver: string;
}

/**
 * The calls of the seed story (apps/api-e2e/src/topology.e2e.spec.ts), as the portal and the
 * workbench make them: the applicant applies at the city deployment with an account of the
 * province (the identity issuer), the city's staff take the case to the approver.
 */
export class RoutingStory {
  readonly province: ApiClient;
  readonly city: ApiClient;
  readonly county: ApiClient;

  constructor(urls: { province: string; city: string; county: string }) {
    this.province = new ApiClient(urls.province);
    this.city = new ApiClient(urls.city);
    this.county = new ApiClient(urls.county);
  }

  /** Residents of the verifying county: the check goes to the centre nearest them. */
  registerApplicant(n: number): Promise<Applicant> {
    return this.province.registerApplicant(VERIFYING_CENTRE, n);
  }

  async cityStaff(): Promise<StaffTokens> {
    return {
      clerk: await this.city.staffToken(HANDLING_CENTRE, 'clerk'),
      reviewer: await this.city.staffToken(HANDLING_CENTRE, 'reviewer'),
      approver: await this.city.staffToken(HANDLING_CENTRE, 'approver'),
    };
  }

  countyClerk(): Promise<string> {
    return this.county.staffToken(VERIFYING_CENTRE, 'clerk');
  }

  async itemId(token: string): Promise<string> {
    const { items } = await this.city.json<{ items: Array<{ id: string; name: string }> }>(
      'GET',
      `${centres}/${HANDLING_CENTRE}/items?q=${encodeURIComponent(ITEM_NAME)}`,
      token,
    );
    const id = items.find((item) => item.name === ITEM_NAME)?.id;
    if (!id) throw new Error(`The city deployment publishes no "${ITEM_NAME}" at ${HANDLING_CENTRE}`);
    return id;
  }

  /** Draft, required uploads, submission, acceptance and every step before the approver's. */
  async caseAtApprover(applicant: Applicant, itemId: string, staff: StaffTokens): Promise<ReadyCase> {
    let current = await this.city.createDraft(HANDLING_CENTRE, applicant.token, itemId);
    if (current.verificationCentre !== VERIFYING_CENTRE) {
      throw new Error(`The draft's originals check goes to ${current.verificationCentre}, not to the applicant's county ${VERIFYING_CENTRE}`);
    }
    for (const material of current.materials.filter((m) => m.required)) {
      current = await this.city.uploadMaterial(current, applicant.token, material.code);
    }
    current = await this.city.json<ApplicationView>('POST', `${this.casePath(current.id)}/submit`, applicant.token, undefined, {
      'idempotency-key': `bench-${current.id}`,
    });
    current = await this.act(current, 'pre-review/accept', staff.clerk);
    while (current.currentStep && current.currentStep.post !== 'approver') {
      current = await this.act(current, 'steps/pass', current.currentStep.post === 'window_clerk' ? staff.clerk : staff.reviewer);
    }
    if (!current.caseNumber || !current.currentStep) throw new Error(`Case ${current.id} did not reach the approver (status ${current.status})`);
    return { id: current.id, caseNumber: current.caseNumber, version: current.version };
  }

  /** The request: approving the case routes the originals check to the verifying centre. */
  approve(ready: ReadyCase, approverToken: string): Promise<ApplicationView> {
    return this.city.json<ApplicationView>('POST', `${this.casePath(ready.id)}/decision/approve`, approverToken, { version: ready.version });
  }

  /** The verifier's open checks, soonest due first (the bench completes each as soon as it appears). */
  async pendingTasks(clerkToken: string): Promise<VerificationTaskView[]> {
    const page = await this.county.json<PageOf<VerificationTaskView>>(
      'GET',
      `${centres}/${VERIFYING_CENTRE}/verification-tasks?status=pending&pageSize=100`,
      clerkToken,
    );
    return page.items;
  }

  /** Every original matches, the identity was checked, the papers go back to the applicant. */
  complete(task: VerificationTaskView, clerkToken: string): Promise<VerificationTaskView> {
    return this.county.json<VerificationTaskView>('POST', `${centres}/${VERIFYING_CENTRE}/verification-tasks/${task.id}/complete`, clerkToken, {
      materials: task.materials.map((m) => ({ code: m.code, version: m.version, result: 'match' })),
      identityChecked: true,
      custody: 'returned_to_applicant',
    });
  }

  private act(current: ApplicationView, action: string, token: string): Promise<ApplicationView> {
    return this.city.json<ApplicationView>('POST', `${this.casePath(current.id)}/${action}`, token, { version: current.version });
  }

  private casePath(id: string): string {
    return `${centres}/${HANDLING_CENTRE}/applications/${id}`;
  }
}
