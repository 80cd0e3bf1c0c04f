import type { AlertLevel, LocalizedText, Recipient, RuleScope, RuleTrigger, StatDimension } from '@zhengwu/supervision/domain';
import type { SupervisionNoticeStatus } from './supervision-views';

/*
 * Request shapes of the supervision API as plain types, for clients. The server validates them
 * with the class-validator DTOs of @zhengwu/supervision/feature-api (supervision.dto.ts).
 */

export interface SupervisionListQuery {
  limit?: number;
  offset?: number;
}

export interface SupervisionAlertsQuery extends SupervisionListQuery {
  level?: AlertLevel;
  state?: 'open' | 'resolved' | 'all';
  applicationId?: string;
}

export interface SupervisionNoticesQuery extends SupervisionListQuery {
  status?: SupervisionNoticeStatus;
}

export interface AccountabilityListQuery extends SupervisionListQuery {
  holderId?: string;
  applicationId?: string;
}

export interface RespondToSupervisionNoticeBody {
  /** 2–2000 characters. */
  response: string;
}

export interface CloseSupervisionNoticeBody {
  comment?: string;
}

export interface PutSupervisionRuleBody {
  name: LocalizedText;
  scope: RuleScope;
  trigger: RuleTrigger;
  level: AlertLevel;
  notify: Recipient[];
  enabled: boolean;
}

export interface SupervisionStatisticsQuery {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
  dimension?: StatDimension;
}
