import 'reflect-metadata';
import { ConfigurationError, loadConfig } from '@zhengwu/server/core/config';
import { runMigrations } from '@zhengwu/server/core/database';
import { createHttpApp } from '@zhengwu/server/core/http';
import { ALL_MIGRATIONS } from '@zhengwu/server/schema';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  if (config.DATABASE_MIGRATIONS_URL) {
    const applied = await runMigrations(config.DATABASE_MIGRATIONS_URL, ALL_MIGRATIONS);
    if (applied.length > 0) {
      process.stdout.write(`${JSON.stringify({ level: 30, msg: 'migrations applied', migrations: applied })}\n`);
    }
  }
  const app = await createHttpApp(AppModule.forRoot(config), config);
  // SIGTERM/SIGINT close the HTTP server and the database pool before the process exits.
  app.enableShutdownHooks();
  await app.listen({ port: config.PORT, host: config.HOST });
}

bootstrap().catch((error: unknown) => {
  const message = error instanceof ConfigurationError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`Zhengwu API failed to start: ${message}\n`);
  process.exit(1);
});
