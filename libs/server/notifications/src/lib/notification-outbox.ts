import { Injectable } from '@nestjs/common';
import type { NotificationLocale, NotificationTemplateName } from '@zhengwu/shared/contracts';
import { v7 as uuidv7 } from 'uuid';
import { NotificationRepository } from './notification.repository';
import { NotificationTemplateParams } from './templates/notification-templates';
import { renderNotification } from './templates/render-notification';

export interface NotificationRequest<T extends NotificationTemplateName> {
  applicantId: string;
  template: T;
  params: NotificationTemplateParams[T];
  /** The application's number; every `application.*` template needs it. */
  caseNumber?: string;
  /** The language it is sent in (both are stored and shown); default zh-CN. */
  locale?: NotificationLocale;
}

/**
 * Writes a notification to the outbox in the caller's unit of work, so it commits or rolls back
 * with the change it reports; the relay delivers it after the commit. Both languages are rendered
 * now, so what the applicant reads never changes when templates do.
 */
@Injectable()
export class NotificationOutbox {
  constructor(private readonly notifications: NotificationRepository) {}

  /** Returns the notification's id. Must run inside a unit of work scoped to `tenantId`. */
  async enqueue<T extends NotificationTemplateName>(tenantId: string, request: NotificationRequest<T>): Promise<string> {
    const rendered = renderNotification(request.template, request.params, request.caseNumber);
    const id = uuidv7();
    await this.notifications.insert(tenantId, {
      tenantId,
      id,
      applicantId: request.applicantId,
      template: request.template,
      locale: request.locale ?? 'zh-CN',
      params: request.params,
      subjectZh: rendered.subject.zh,
      subjectEn: rendered.subject.en,
      bodyZh: rendered.body.zh,
      bodyEn: rendered.body.en,
      caseNumber: request.caseNumber ?? null,
    });
    return id;
  }
}
