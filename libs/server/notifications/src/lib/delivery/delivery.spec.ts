import type { AppConfig } from '@zhengwu/server/core/config';
import { createTransport } from 'nodemailer';
import { randomUUID } from 'node:crypto';
import { FakeRecipients, SmsGateway, SmtpSink, startSmsGateway, startSmtpSink } from '../testing/local-channels';
import { maskEmail, maskMobile, redactContacts } from './contact-masking';
import { createNotificationDriver } from './create-notification-driver';
import { LogNotificationDriver } from './log-notification.driver';
import { NotificationMessage, NotificationUndeliverableError } from './notification-driver';
import { SmtpNotificationDriver } from './smtp-notification.driver';

const BODY_ZH = '您申请的【食品经营许可】（办件编号 51090020260301010000017）已办结。申请人王小丫，电话 13800138000。';

function message(applicantId: string, overrides: Partial<NotificationMessage> = {}): NotificationMessage {
  return {
    id: randomUUID(),
    tenantId: '510900',
    applicantId,
    template: 'application.completed',
    locale: 'zh-CN',
    subject: '办件已办结',
    body: BODY_ZH,
    caseNumber: '51090020260301010000017',
    attempt: 1,
    ...overrides,
  };
}

function config(values: Partial<AppConfig>): AppConfig {
  return { NOTIFICATION_DRIVER: 'log', ...values } as AppConfig;
}

describe('notification drivers', () => {
  const recipients = new FakeRecipients();
  const withPhone = randomUUID();
  const withEmail = randomUUID();
  const unreachable = randomUUID();
  recipients.contacts.set(withPhone, { name: '王小丫', mobile: '13800138000' });
  recipients.contacts.set(withEmail, { name: 'Wang Xiaoya', email: 'wang.xiaoya@example.cn' });
  recipients.contacts.set(unreachable, { name: '无联系方式' });

  describe('log (the default)', () => {
    it('logs the template, case and a masked recipient, never the body', async () => {
      const lines: unknown[] = [];
      const driver = new LogNotificationDriver(recipients, { log: (line: unknown) => lines.push(line) });
      const sent = message(withPhone);
      await driver.send(sent);
      expect(lines).toEqual([
        {
          event: 'notification.delivered',
          driver: 'log',
          notificationId: sent.id,
          centre: '510900',
          template: 'application.completed',
          caseNumber: '51090020260301010000017',
          locale: 'zh-CN',
          attempt: 1,
          recipient: '138****8000',
        },
      ]);
      expect(JSON.stringify(lines)).not.toContain('13800138000');
      expect(JSON.stringify(lines)).not.toContain('王小丫');
    });

    it('works without a recipients provider', async () => {
      const lines: unknown[] = [];
      const applicantId = randomUUID();
      await new LogNotificationDriver(undefined, { log: (line: unknown) => lines.push(line) }).send(message(applicantId));
      expect(lines).toEqual([expect.objectContaining({ recipient: `applicant:${applicantId}` })]);
      expect(createNotificationDriver(config({ NOTIFICATION_DRIVER: 'log' })).name).toBe('log');
    });
  });

  describe('sms-http, against a real local gateway', () => {
    let gateway: SmsGateway;
    beforeEach(async () => {
      gateway = await startSmsGateway();
    });
    afterEach(() => gateway.close());

    const smsDriver = () =>
      createNotificationDriver(config({ NOTIFICATION_DRIVER: 'sms-http', SMS_GATEWAY_URL: gateway.url, SMS_GATEWAY_TOKEN: 'gw-secret' }), recipients);

    it('POSTs {to, text, template, reference} as JSON with the bearer token', async () => {
      const sent = message(withPhone);
      await smsDriver().send(sent);
      expect(gateway.requests).toEqual([
        {
          authorization: 'Bearer gw-secret',
          contentType: 'application/json',
          body: { to: '13800138000', text: BODY_ZH, template: 'application.completed', reference: sent.id },
        },
      ]);
    });

    it('fails on any non-2xx answer, without quoting what the gateway said', async () => {
      gateway.answer = () => 503;
      const failure = smsDriver().send(message(withPhone));
      await expect(failure).rejects.toThrow('SMS gateway answered HTTP 503');
      await expect(failure).rejects.not.toThrow('13800138000');
    });

    it('gives up at once on an applicant without a mobile number', async () => {
      await expect(smsDriver().send(message(unreachable))).rejects.toBeInstanceOf(NotificationUndeliverableError);
      await expect(smsDriver().send(message(randomUUID()))).rejects.toBeInstanceOf(NotificationUndeliverableError);
      expect(gateway.requests).toEqual([]);
    });
  });

  describe('smtp', () => {
    let sink: SmtpSink;
    beforeAll(async () => {
      sink = await startSmtpSink();
    });
    afterAll(() => sink.close());

    it('sends through a real SMTP server from SMTP_URL, from SMTP_FROM', async () => {
      const driver = createNotificationDriver(
        config({ NOTIFICATION_DRIVER: 'smtp', SMTP_URL: sink.url, SMTP_FROM: '遂宁市政务服务中心 <noreply@zwfw.suining.gov.cn>' }),
        recipients,
      );
      const sent = message(withEmail, { locale: 'en', subject: 'Application completed', body: 'Your application has been completed.' });
      await driver.send(sent);
      expect(sink.messages).toHaveLength(1);
      const [mail] = sink.messages;
      expect(mail?.from).toBe('noreply@zwfw.suining.gov.cn');
      expect(mail?.to).toEqual(['wang.xiaoya@example.cn']);
      expect(mail?.data).toContain('Subject: Application completed');
      expect(mail?.data).toContain(`X-Zhengwu-Reference: ${sent.id}`);
      expect(mail?.data).toContain('Your application has been completed.');
    });

    it('writes the subject and plain-text body in the applicant’s language (nodemailer JSON transport)', async () => {
      const transport = createTransport({ jsonTransport: true });
      const sendMail = jest.spyOn(transport, 'sendMail');
      const driver = new SmtpNotificationDriver(transport, 'noreply@zwfw.suining.gov.cn', recipients);
      await driver.send(message(withEmail));
      const result = (await sendMail.mock.results[0]?.value) as { message: string } | undefined;
      const output = JSON.parse(result?.message ?? '{}');
      expect(output).toMatchObject({
        from: { address: 'noreply@zwfw.suining.gov.cn' },
        to: [{ name: 'Wang Xiaoya', address: 'wang.xiaoya@example.cn' }],
        subject: '办件已办结',
        text: BODY_ZH,
      });
    });

    it('gives up at once on an applicant without an e-mail address', async () => {
      const driver = new SmtpNotificationDriver(createTransport({ jsonTransport: true }), 'noreply@example.cn', recipients);
      await expect(driver.send(message(withPhone))).rejects.toBeInstanceOf(NotificationUndeliverableError);
    });
  });

  it('refuses to boot with a channel that is not fully configured', () => {
    expect(() => createNotificationDriver(config({ NOTIFICATION_DRIVER: 'smtp', SMTP_URL: 'smtp://localhost' }), recipients)).toThrow(
      'NOTIFICATION_DRIVER=smtp needs SMTP_URL and SMTP_FROM',
    );
    expect(() => createNotificationDriver(config({ NOTIFICATION_DRIVER: 'sms-http', SMS_GATEWAY_URL: 'http://gw' }), recipients)).toThrow(
      'needs SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN',
    );
    expect(() =>
      createNotificationDriver(config({ NOTIFICATION_DRIVER: 'sms-http', SMS_GATEWAY_URL: 'http://gw', SMS_GATEWAY_TOKEN: 't' })),
    ).toThrow('needs a NOTIFICATION_RECIPIENTS provider');
  });

  it('masks contact details quoted in channel errors', () => {
    expect(maskMobile('13800138000')).toBe('138****8000');
    expect(maskEmail('wang.xiaoya@example.cn')).toBe('w***@example.cn');
    expect(redactContacts('550 5.1.1 <wang.xiaoya@example.cn>: no such user; sms to 13800138000 failed; order 213800138000')).toBe(
      '550 5.1.1 <w***@example.cn>: no such user; sms to 138****8000 failed; order 213800138000',
    );
    expect(redactContacts('x'.repeat(600))).toHaveLength(500);
  });
});
