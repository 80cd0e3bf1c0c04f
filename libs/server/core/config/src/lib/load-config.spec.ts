import { ConfigurationError, loadConfig } from './load-config';

const valid = {
  DATABASE_URL: 'postgres://zhengwu_app@127.0.0.1:5432/zhengwu',
  DEPLOYMENT_ID: 'province',
  AUTH_SIGNING_KEY_PATH: '/keys/auth.pem',
  PII_KEY_PATH: '/keys/pii.key',
};

describe('loadConfig', () => {
  it('applies defaults and converts types', () => {
    const config = loadConfig({ ...valid, PORT: '8080', SEED_DEMO: 'true' });
    expect(config.PORT).toBe(8080);
    expect(config.SEED_DEMO).toBe(true);
    expect(config.HOSTED_TENANTS).toBe('all');
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DATABASE_MIGRATIONS_URL).toBeUndefined();
  });

  it('names every missing or malformed variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain('DATABASE_URL must be a postgres:// connection URL');
    expect(message).toContain('DEPLOYMENT_ID is required');
    expect(message).toContain('AUTH_SIGNING_KEY_PATH is required');
    expect(message).toContain('PORT');
    expect(message).toContain('LOG_LEVEL must be one of');
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ ...valid, DATABASE_MIGRATIONS_URL: '', PORT: '' });
    expect(config.DATABASE_MIGRATIONS_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
  });
});
