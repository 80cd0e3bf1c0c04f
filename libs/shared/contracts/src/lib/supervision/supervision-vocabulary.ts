/*
 * The supervision rule and statistics vocabulary the API's answers and requests use. It is the
 * supervision domain's own (universal code, no server imports), re-exported so clients need only
 * the contracts. The statistics row is re-exported as is: indicators added there reach clients.
 */
export {
  ALERT_LEVELS,
  RECIPIENTS,
  STAT_DIMENSIONS,
  TRIGGER_KINDS,
  type AlertLevel,
  type CentreDrift,
  type DeviationKind,
  type DueTarget,
  type Loosening,
  type LooseningField,
  type Recipient,
  type RuleDeviation,
  type RuleScope,
  type RuleTrigger,
  type StatDimension,
  type StatisticsView,
  type StatRow,
  type SubjectKind,
  type SupervisionRule,
  type TriggerKind,
} from '@zhengwu/supervision/domain';
