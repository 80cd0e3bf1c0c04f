/**
 * Who may answer a 督办 notice on behalf of the department it is addressed to.
 *
 * A notice holds a department to account, so its answer is the department's word: when the centre
 * has named heads for the department (and at least one of them is still active), only they may
 * give it. A department without an active head, or a notice addressed to no department, would
 * otherwise go unanswered; any staff member who handles steps at the centre may answer it then,
 * and the answer records who did.
 */
export function mayAnswerNotice(activeHeadIds: readonly string[], staffId: string): boolean {
  return activeHeadIds.length === 0 || activeHeadIds.includes(staffId);
}
