import { defineErrors } from '@zhengwu/server/core/errors';

export const ApprovalError = defineErrors({
  APPLICATION_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '未找到该办件。', en: 'No such application.' },
  },
  ITEM_NOT_AVAILABLE: {
    kind: 'not_found',
    message: { zh: '该事项不存在或暂不受理网上申请。', en: 'This item does not exist or is not open for online applications.' },
  },
  VERIFICATION_CENTRE_INVALID: {
    kind: 'invalid',
    message: { zh: '所选原件核验中心无效。', en: 'The chosen verification centre is not valid.' },
  },
  MATERIAL_NOT_REQUIRED_BY_ITEM: {
    kind: 'invalid',
    message: { zh: '该事项没有这项申请材料。', en: 'This item has no such material.' },
  },
  MATERIALS_MISSING: {
    kind: 'invalid',
    message: { zh: '还有必需的申请材料没有上传。', en: 'Some required materials have not been uploaded.' },
  },
  APPLICATION_NOT_EDITABLE: {
    kind: 'conflict',
    message: { zh: '办件当前状态下不能修改材料。', en: 'The application cannot be changed in its current state.' },
  },
  TRANSITION_NOT_ALLOWED: {
    kind: 'conflict',
    message: { zh: '办件当前状态下不能执行该操作。', en: 'This action is not allowed in the application’s current state.' },
  },
  NOT_YOUR_POST: {
    kind: 'forbidden',
    message: { zh: '该环节不属于您的岗位。', en: 'This step belongs to another post.' },
  },
  STEP_ASSIGNED_TO_OTHER: {
    kind: 'forbidden',
    message: { zh: '该环节已由其他工作人员办理。', en: 'Another staff member holds this step.' },
  },
  ASSIGNEE_NOT_ELIGIBLE: {
    kind: 'invalid',
    message: { zh: '被指派人员不在本中心或不具备该岗位。', en: 'That staff member is not in this centre or does not hold the post.' },
  },
  REASON_REQUIRED: {
    kind: 'invalid',
    message: { zh: '请填写理由。', en: 'A reason is required.' },
  },
  ONE_TIME_NOTICE_VIOLATION: {
    kind: 'conflict',
    message: {
      zh: '根据一次性告知规定，只能对申请人修改或新增的材料、或尚未补正的已告知问题提出补正要求。',
      en: 'Under the one-time notice rule, new defects may be raised only on materials the applicant changed or added, or on noticed defects not yet fixed.',
    },
  },
  DEFECT_MATERIAL_UNKNOWN: {
    kind: 'invalid',
    message: { zh: '补正告知中的材料不属于该事项。', en: 'A defect names a material this item does not have.' },
  },
  IDEMPOTENCY_KEY_REQUIRED: {
    kind: 'invalid',
    message: { zh: '提交申请需要 Idempotency-Key 请求头。', en: 'Submitting requires an Idempotency-Key header.' },
  },
  IDEMPOTENCY_KEY_REUSED: {
    kind: 'conflict',
    message: { zh: '该 Idempotency-Key 已用于另一个请求。', en: 'This Idempotency-Key was used for a different request.' },
  },
  MATERIAL_VERSION_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '未找到该材料版本。', en: 'No such material version.' },
  },
  RATING_NOT_ALLOWED: {
    kind: 'conflict',
    message: { zh: '该环节尚未办结，或已经评价过。', en: 'This step is not finished yet, or has already been rated.' },
  },
  VERIFICATION_TASK_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '未找到该原件核验任务。', en: 'No such originals check.' },
  },
  VERIFICATION_ALREADY_COMPLETED: {
    kind: 'conflict',
    message: { zh: '该原件核验已经完成。', en: 'This originals check is already completed.' },
  },
  VERIFICATION_INCOMPLETE: {
    kind: 'invalid',
    message: { zh: '请对清单中的每一项材料逐一记录核验结果。', en: 'Record a result for every material of the manifest, at its version.' },
  },
  VERIFICATION_NOTE_REQUIRED: {
    kind: 'invalid',
    message: { zh: '原件与复印件不一致时，请写明不一致之处。', en: 'Describe what does not match.' },
  },
  COURIER_NUMBER_REQUIRED: {
    kind: 'invalid',
    message: { zh: '原件寄送时请填写快递单号。', en: 'A courier number is required when the originals are forwarded.' },
  },
  ORIGINALS_NOT_VERIFIED: {
    kind: 'conflict',
    message: { zh: '该事项须先完成原件核验。', en: 'The originals must be checked first.' },
  },
  ATTESTATION_MISMATCH: {
    kind: 'invalid',
    message: { zh: '核验结果与所发核验请求不符。', en: 'The attestation does not answer the request that was sent.' },
  },
  PUBLIC_CASE_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '办件编号或查询码不正确。', en: 'Wrong case number or query code.' },
  },
  INTAKE_NOT_FOUND: {
    kind: 'not_found',
    message: { zh: '未找到该窗口代收记录。', en: 'No such counter intake.' },
  },
  INTAKE_CENTRE_UNKNOWN: {
    kind: 'invalid',
    message: { zh: '事项所属服务中心不在目录中，无法代收。', en: 'The item’s centre is not in the directory; the intake cannot be routed to it.' },
  },
  INTAKE_NOT_EDITABLE: {
    kind: 'conflict',
    message: { zh: '该代收件已转出，不能再修改材料。', en: 'This intake has been forwarded; its materials can no longer change.' },
  },
  INTAKE_IDENTITY_NOT_CHECKED: {
    kind: 'invalid',
    message: { zh: '请先核验申请人身份证件再转出。', en: 'Check the applicant’s identity document before forwarding.' },
  },
  INTAKE_MATERIALS_MISSING: {
    kind: 'invalid',
    message: { zh: '请至少扫描一份申请材料再转出。', en: 'Scan at least one material before forwarding.' },
  },
  INTAKE_ORIGINALS_INVALID: {
    kind: 'invalid',
    message: {
      zh: '原件核验结果须对应已扫描材料的最新版本，原件不一致时须填写说明。',
      en: 'Each originals result must name the latest version of a scanned material; a mismatch needs a note.',
    },
  },
  INTAKE_NOT_RETURNED: {
    kind: 'conflict',
    message: {
      zh: '办理中心未退回该代收件补正，不能补交材料。',
      en: 'The handling centre has not returned this intake for correction; no materials can be sent.',
    },
  },
  INTAKE_NOTHING_CORRECTED: {
    kind: 'invalid',
    message: {
      zh: '请先按一次性告知重新扫描需补正的材料，再补交。',
      en: 'Rescan the materials the one-time notice names before sending the correction.',
    },
  },
  INTAKE_REPORT_MISMATCH: {
    kind: 'invalid',
    message: { zh: '办件状态回传与代收记录不符。', en: 'The status report does not belong to an intake forwarded to its sender.' },
  },
});
