#!/bin/sh
# Runs once, when the postgres container initialises its volume. The same roles and grants as the
# development runner's provisioning (libs/server/core/database/src/lib/provision-database.ts) and
# docs/database-roles.md: a schema owner for migrations, a runtime login role (member of the
# zhengwu_runtime group the migrations grant to) that row-level security binds; one database per
# deployment named in ZHENGWU_DATABASES (default: zhengwu).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE zhengwu_runtime NOLOGIN NOSUPERUSER NOBYPASSRLS;
CREATE ROLE zhengwu_owner LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${ZHENGWU_OWNER_PASSWORD}';
CREATE ROLE zhengwu_app LOGIN INHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${ZHENGWU_APP_PASSWORD}' IN ROLE zhengwu_runtime;
SQL
for database in ${ZHENGWU_DATABASES:-zhengwu}; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -c "CREATE DATABASE ${database} OWNER zhengwu_owner ENCODING 'UTF8' TEMPLATE template0"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${database}" <<SQL
ALTER SCHEMA public OWNER TO zhengwu_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO zhengwu_runtime;
REVOKE ALL ON DATABASE ${database} FROM PUBLIC;
GRANT CONNECT ON DATABASE ${database} TO zhengwu_runtime, zhengwu_owner;
SQL
done
