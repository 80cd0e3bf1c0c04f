import type { LocalizedMessage, NotificationTemplateName } from '@zhengwu/shared/contracts';
import { dateParam, listParam, localizedParam, NotificationTemplate, textParam } from './render-template';

/** One item of a one-time notice (一次性告知): which material, and what is wrong with it. */
export interface NoticeDefect {
  materialName: string;
  explanation: string;
}

/**
 * The parameters of each template. Every application template also needs the case number, given
 * as the notification's `caseNumber`. Dates are calendar dates `YYYY-MM-DD`.
 */
export interface NotificationTemplateParams {
  'application.returned': { itemName: string; defects: readonly NoticeDefect[] };
  'application.accepted': { itemName: string; promisedDue: string };
  'application.not_accepted': { itemName: string; reason: string };
  'application.approved': { itemName: string };
  'application.denied': { itemName: string; reason: string };
  'application.completed': { itemName: string };
  'application.extended': { itemName: string; reason: string; newDue: string };
  /** `procedure`: the special procedure's name in both languages (e.g. 听证 / Hearing). */
  'application.special_procedure_started': { itemName: string; procedure: LocalizedMessage };
  'rating.rectification_opened': { itemName: string; rectificationDue: string };
}

const item = (params: { itemName: unknown }) => ({ itemName: textParam(params.itemName, 'itemName') });

const RECONSIDERATION = {
  zh: '如对本决定不服，可以依法申请行政复议或者提起行政诉讼。',
  en:
    'If you disagree with this decision, you may apply for administrative reconsideration ' +
    'or bring an administrative lawsuit in accordance with the law.',
};

type TemplateCatalogue = { readonly [T in NotificationTemplateName]: NotificationTemplate<NotificationTemplateParams[T]> };

export const NOTIFICATION_TEMPLATES: TemplateCatalogue = {
  // 行政许可法 §32: what is missing is told completely and at once (一次性告知).
  'application.returned': {
    zh: {
      subject: '申请材料需补正（一次性告知）',
      body:
        '您申请的【{itemName}】（办件编号 {caseNumber}）经预审，以下材料需要补正：\n{defects}\n' +
        '以上为需补正的全部内容（一次性告知）。请按要求补正后重新提交，未列出的材料无需重复提交。',
    },
    en: {
      subject: 'Corrections needed (one-time notice)',
      body:
        'Your application for "{itemName}" (case {caseNumber}) was pre-reviewed ' +
        'and the following materials need correcting:\n{defects}\n' +
        'This notice lists everything that needs correcting. Please correct these materials and resubmit; ' +
        'materials not listed need not be submitted again.',
    },
    variables: (params, language) => ({
      ...item(params),
      defects: listParam<NoticeDefect>(params.defects, 'defects')
        .map((defect, index) => {
          const material = textParam(defect?.materialName, `defects.${index}.materialName`);
          const explanation = textParam(defect?.explanation, `defects.${index}.explanation`);
          return language === 'zh' ? `${index + 1}. 【${material}】${explanation}` : `${index + 1}. ${material}: ${explanation}`;
        })
        .join('\n'),
    }),
  },
  'application.accepted': {
    zh: {
      subject: '申请已受理',
      body: '您申请的【{itemName}】（办件编号 {caseNumber}）已受理，承诺办结日期为 {promisedDue}。您可凭办件编号随时查询办理进度。',
    },
    en: {
      subject: 'Application accepted',
      body:
        'Your application for "{itemName}" (case {caseNumber}) has been accepted. The promised completion date is {promisedDue}. ' +
        'You can follow its progress with the case number at any time.',
    },
    variables: (params, language) => ({ ...item(params), promisedDue: dateParam(params.promisedDue, 'promisedDue', language) }),
  },
  'application.not_accepted': {
    zh: {
      subject: '申请不予受理',
      body: '您申请的【{itemName}】（办件编号 {caseNumber}）不予受理。理由：{reason}\n{reconsideration}',
    },
    en: {
      subject: 'Application not accepted',
      body: 'Your application for "{itemName}" (case {caseNumber}) has not been accepted. Reason: {reason}\n{reconsideration}',
    },
    variables: (params, language) => ({
      ...item(params),
      reason: textParam(params.reason, 'reason'),
      reconsideration: RECONSIDERATION[language],
    }),
  },
  'application.approved': {
    zh: {
      subject: '申请已审批通过',
      body: '您申请的【{itemName}】（办件编号 {caseNumber}）已审批通过，正在办理办结手续，办结后将另行通知您。',
    },
    en: {
      subject: 'Application approved',
      body:
        'Your application for "{itemName}" (case {caseNumber}) has been approved. ' +
        'It is now being completed; we will let you know when it is.',
    },
    variables: (params) => item(params),
  },
  // 行政许可法 §38: a refusal states its reasons and the applicant's remedies.
  'application.denied': {
    zh: {
      subject: '申请不予许可',
      body: '经审查，您申请的【{itemName}】（办件编号 {caseNumber}）不予许可。理由：{reason}\n{reconsideration}',
    },
    en: {
      subject: 'Application denied',
      body: 'After review, your application for "{itemName}" (case {caseNumber}) has been denied. Reason: {reason}\n{reconsideration}',
    },
    variables: (params, language) => ({
      ...item(params),
      reason: textParam(params.reason, 'reason'),
      reconsideration: RECONSIDERATION[language],
    }),
  },
  'application.completed': {
    zh: {
      subject: '办件已办结',
      body: '您申请的【{itemName}】（办件编号 {caseNumber}）已办结。您可凭办件编号查询办理结果，并对本次服务进行评价。',
    },
    en: {
      subject: 'Application completed',
      body:
        'Your application for "{itemName}" (case {caseNumber}) has been completed. ' +
        'You can look up the result with the case number and rate our service.',
    },
    variables: (params) => item(params),
  },
  // 行政许可法 §42: an extension is approved by the head of the authority and its reason is told.
  'application.extended': {
    zh: {
      subject: '办理期限延长',
      body: '您申请的【{itemName}】（办件编号 {caseNumber}）经批准延长办理期限，法定办结日期延至 {newDue}。延期理由：{reason}',
    },
    en: {
      subject: 'Time limit extended',
      body:
        'The time limit for your application for "{itemName}" (case {caseNumber}) has been extended with approval; ' +
        'the new legal due date is {newDue}. Reason: {reason}',
    },
    variables: (params, language) => ({
      ...item(params),
      reason: textParam(params.reason, 'reason'),
      newDue: dateParam(params.newDue, 'newDue', language),
    }),
  },
  // 行政许可法 §45: the time a hearing, test, appraisal or expert review takes is not counted.
  'application.special_procedure_started': {
    zh: {
      subject: '办件进入特别程序',
      body:
        '您申请的【{itemName}】（办件编号 {caseNumber}）依法需要进行{procedure}，现已进入特别程序。' +
        '根据《中华人民共和国行政许可法》第四十五条，特别程序所需时间不计算在办理期限内。',
    },
    en: {
      subject: 'Special procedure started',
      body:
        'Your application for "{itemName}" (case {caseNumber}) requires a special procedure ({procedure}), which has now started. ' +
        'Under Article 45 of the Administrative Licensing Law, the time it takes does not count toward the time limit.',
    },
    variables: (params, language) => ({ ...item(params), procedure: localizedParam(params.procedure, 'procedure', language) }),
  },
  // 好差评: a bad review is verified and rectified, and the applicant hears back.
  'rating.rectification_opened': {
    zh: {
      subject: '您的评价正在处理',
      body:
        '感谢您对【{itemName}】（办件编号 {caseNumber}）办理服务的评价。针对您反映的问题，我们已启动整改，' +
        '将于 {rectificationDue} 前完成并向您反馈。',
    },
    en: {
      subject: 'Your feedback is being handled',
      body:
        'Thank you for rating our service for "{itemName}" (case {caseNumber}). We have started putting right the problem you reported ' +
        'and will get back to you by {rectificationDue}.',
    },
    variables: (params, language) => ({
      ...item(params),
      rectificationDue: dateParam(params.rectificationDue, 'rectificationDue', language),
    }),
  },
};
