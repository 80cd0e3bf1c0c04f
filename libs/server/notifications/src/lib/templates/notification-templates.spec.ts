import { NOTIFICATION_TEMPLATE_NAMES, NotificationTemplateName } from '@zhengwu/shared/contracts';
import { NOTIFICATION_TEMPLATES, NotificationTemplateParams } from './notification-templates';
import { renderNotification } from './render-notification';
import { interpolate, NotificationTemplateError, placeholdersOf } from './render-template';

const CASE = '51090020260305010000017';

const SAMPLES: { [T in NotificationTemplateName]: NotificationTemplateParams[T] } = {
  'application.returned': {
    itemName: '食品经营许可（新办）',
    defects: [
      { materialName: '营业执照副本', explanation: '复印件不清晰，请重新扫描' },
      { materialName: '经营场所平面图', explanation: '缺少功能分区标注' },
    ],
  },
  'application.accepted': { itemName: '食品经营许可（新办）', promisedDue: '2026-03-05' },
  'application.not_accepted': { itemName: '食品经营许可（新办）', reason: '申请事项不属于本机关职权范围' },
  'application.approved': { itemName: '食品经营许可（新办）' },
  'application.denied': { itemName: '食品经营许可（新办）', reason: '经营场所不符合卫生要求' },
  'application.completed': { itemName: '食品经营许可（新办）' },
  'application.extended': { itemName: '食品经营许可（新办）', reason: '需补充现场核查', newDue: '2026-03-19' },
  'application.special_procedure_started': { itemName: '食品经营许可（新办）', procedure: { zh: '专家评审', en: 'Expert review' } },
  'rating.rectification_opened': { itemName: '食品经营许可（新办）', rectificationDue: '2026-03-26' },
};

describe('notification templates', () => {
  it('has a template for every name in the contracts, and no other', () => {
    expect(Object.keys(NOTIFICATION_TEMPLATES).sort()).toEqual([...NOTIFICATION_TEMPLATE_NAMES].sort());
  });

  it.each(NOTIFICATION_TEMPLATE_NAMES)('renders %s completely in both languages', (name) => {
    const rendered = renderNotification(name, SAMPLES[name] as never, CASE);
    for (const text of [rendered.subject.zh, rendered.subject.en, rendered.body.zh, rendered.body.en]) {
      expect(text).not.toMatch(/[{}]/);
      expect(text.trim()).toBe(text);
    }
    for (const body of [rendered.body.zh, rendered.body.en]) {
      expect(body).toContain(CASE);
      expect(body).toContain('食品经营许可（新办）');
    }
    expect(rendered.body.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(rendered.subject.en).toMatch(/^[\x20-\x7e]+$/);
  });

  it.each(NOTIFICATION_TEMPLATE_NAMES)('%s uses every variable in both languages, so no translation drops a fact', (name) => {
    const template = NOTIFICATION_TEMPLATES[name];
    for (const language of ['zh', 'en'] as const) {
      const variables = Object.keys(template.variables(SAMPLES[name] as never, language));
      const used = placeholdersOf(`${template[language].subject} ${template[language].body}`);
      expect([...new Set(used)].sort()).toEqual([...variables, 'caseNumber'].sort());
    }
  });

  it.each(
    NOTIFICATION_TEMPLATE_NAMES.flatMap((name) => Object.keys(SAMPLES[name]).map((param) => [name, param] as const)),
  )('%s fails without its parameter "%s"', (name, param) => {
    const params: Record<string, unknown> = { ...SAMPLES[name] };
    delete params[param];
    expect(() => renderNotification(name, params as never, CASE)).toThrow(NotificationTemplateError);
    expect(() => renderNotification(name, params as never, CASE)).toThrow(param);
  });

  it.each(NOTIFICATION_TEMPLATE_NAMES)('%s fails without a case number', (name) => {
    expect(() => renderNotification(name, SAMPLES[name] as never)).toThrow(/no value for \{caseNumber\}/);
  });

  it('reads naturally: the acceptance notice with its promised date', () => {
    const rendered = renderNotification('application.accepted', SAMPLES['application.accepted'], CASE);
    expect(rendered.body.zh).toBe(
      `您申请的【食品经营许可（新办）】（办件编号 ${CASE}）已受理，承诺办结日期为 2026年3月5日。您可凭办件编号随时查询办理进度。`,
    );
    expect(rendered.body.en).toContain('The promised completion date is 5 March 2026.');
  });

  it('lists every defect of a one-time notice by material, numbered', () => {
    const { body } = renderNotification('application.returned', SAMPLES['application.returned'], CASE);
    expect(body.zh).toContain('1. 【营业执照副本】复印件不清晰，请重新扫描\n2. 【经营场所平面图】缺少功能分区标注');
    expect(body.en).toContain('1. 营业执照副本: 复印件不清晰，请重新扫描');
  });

  it('refuses malformed parameters: an impossible date, an empty list, a half-translated name', () => {
    expect(() => renderNotification('application.accepted', { itemName: 'x', promisedDue: '2026-02-30' }, CASE)).toThrow('promisedDue');
    expect(() => renderNotification('application.returned', { itemName: 'x', defects: [] }, CASE)).toThrow('defects');
    expect(() =>
      renderNotification('application.returned', { itemName: 'x', defects: [{ materialName: '', explanation: 'y' }] }, CASE),
    ).toThrow('defects.0.materialName');
    expect(() =>
      renderNotification('application.special_procedure_started', { itemName: 'x', procedure: { zh: '听证' } as never }, CASE),
    ).toThrow('procedure.en');
    expect(() => renderNotification('no.such.template' as never, {} as never, CASE)).toThrow('Unknown notification template');
  });

  it('interpolates once: a value that looks like a placeholder stays text', () => {
    expect(interpolate('{a} and {b}', { a: '{b}', b: 'B' }, 'test')).toBe('{b} and B');
    expect(() => interpolate('{missing}', {}, 'test')).toThrow('test: no value for {missing}');
    expect(() => interpolate('{constructor}', {}, 'test')).toThrow(NotificationTemplateError);
  });
});
