import { sichuanDivisions } from '@zhengwu/divisions/domain';
import type { RouteType } from '@zhengwu/shared/contracts';

/** Who may take part in a route: any centre of the directory, or only the centres named. */
export type RouteParty = { kind: 'any' } | { kind: 'centres'; codes: readonly string[] };

export interface RoutePolicy {
  senders: RouteParty;
  receivers: RouteParty;
  /** How receiver and sender must be related: `ancestor` = the receiver is above the sender (its city or the province). */
  relation?: 'ancestor';
}

const ANY: RouteParty = Object.freeze({ kind: 'any' });
/** The province centre (四川省政务服务中心), which holds the root of the directory. */
export const PROVINCE_CENTRE = '510000';

/**
 * Which centre may send which type to which centre: data, checked by every receiver after the
 * signature (and by the sender, so a bug fails before anything is signed). Membership of the
 * directory is checked separately; `any` means any centre in it.
 */
export const ROUTE_POLICIES: Readonly<Record<RouteType, RoutePolicy>> = Object.freeze({
  // 就地就近: any handling centre may ask any centre to check originals, itself included.
  'verification.requested.v1': { senders: ANY, receivers: ANY },
  'verification.completed.v1': { senders: ANY, receivers: ANY },
  // 异地代收代办: any receiving centre forwards to the handling centre, which reports back.
  'application.forwarded.v1': { senders: ANY, receivers: ANY },
  'application.status.v1': { senders: ANY, receivers: ANY },
  // The counter sends a returned case's corrected materials to the same handling centre.
  'application.supplemented.v1': { senders: ANY, receivers: ANY },
  'reconcile.request.v1': { senders: ANY, receivers: ANY },
  'reconcile.report.v1': { senders: ANY, receivers: ANY },
  // Only the province distributes the directory it signs.
  'directory.updated.v1': { senders: { kind: 'centres', codes: [PROVINCE_CENTRE] }, receivers: ANY },
  // Supervision roll-up: a centre reports its aggregates only upward, to its city and the province.
  'supervision.snapshot.v1': { senders: ANY, receivers: ANY, relation: 'ancestor' },
});

export function isRouteAllowed(
  type: RouteType,
  from: string,
  to: string,
  policies: Readonly<Record<RouteType, RoutePolicy>> = ROUTE_POLICIES,
): boolean {
  const policy = policies[type];
  return policy !== undefined && admits(policy.senders, from) && admits(policy.receivers, to) && (policy.relation !== 'ancestor' || isAncestor(to, from));
}

/** Whether `upper` is above `code` in the division tree (unknown codes: no). */
function isAncestor(upper: string, code: string): boolean {
  if (sichuanDivisions.find(code) === undefined) return false;
  return sichuanDivisions.ancestors(code).some((division) => division.code === upper);
}

function admits(party: RouteParty, code: string): boolean {
  return party.kind === 'any' || party.codes.includes(code);
}
