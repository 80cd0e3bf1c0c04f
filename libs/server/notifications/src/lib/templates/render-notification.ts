import type { LocalizedMessage, NotificationTemplateName } from '@zhengwu/shared/contracts';
import { NOTIFICATION_TEMPLATES, NotificationTemplateParams } from './notification-templates';
import { interpolate, NotificationTemplate, NotificationTemplateError, TemplateLanguage } from './render-template';

export interface RenderedNotification {
  subject: LocalizedMessage;
  body: LocalizedMessage;
}

/** Both languages of a notification, from its template, parameters and case number. */
export function renderNotification<T extends NotificationTemplateName>(
  name: T,
  params: NotificationTemplateParams[T],
  caseNumber?: string | null,
): RenderedNotification {
  const template = NOTIFICATION_TEMPLATES[name] as NotificationTemplate<NotificationTemplateParams[T]> | undefined;
  if (!template) {
    throw new NotificationTemplateError(`Unknown notification template "${String(name)}"`);
  }
  if (typeof params !== 'object' || params === null) {
    throw new NotificationTemplateError(`Template ${name}: parameters must be an object`);
  }
  const render = (language: TemplateLanguage) => {
    const variables: Record<string, string> = { ...template.variables(params, language) };
    if (caseNumber) {
      variables['caseNumber'] = caseNumber;
    }
    const text = template[language];
    return {
      subject: interpolate(text.subject, variables, `${name} (${language}) subject`),
      body: interpolate(text.body, variables, `${name} (${language}) body`),
    };
  };
  const zh = render('zh');
  const en = render('en');
  return { subject: { zh: zh.subject, en: en.subject }, body: { zh: zh.body, en: en.body } };
}
