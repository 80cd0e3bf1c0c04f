import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import { StaffRole } from '@zhengwu/shared/contracts';
import type { WorkflowActor } from '../workflow/application-workflow.service';

export type StepPost = 'window_clerk' | 'reviewer' | 'approver';

export function staffActor(principal: StaffPrincipal, post: WorkflowActor['post']): WorkflowActor {
  return { kind: 'staff', id: principal.id, name: principal.name, post };
}

export function holdsPost(principal: StaffPrincipal, post: string): boolean {
  return principal.roles.includes(post as StaffRole);
}
