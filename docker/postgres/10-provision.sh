#!/bin/sh
# Runs once, when the postgres container initialises its volume. The same roles and grants as the
# development runner's provisioning (libs/server/core/database/src/lib/provision-database.ts) and
# docs/database-roles.md: a schema owner for migrations, a runtime login role (member of the
# zhengwu_runtime group the migrations grant to) that row-level security binds.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE zhengwu_runtime NOLOGIN NOSUPERUSER NOBYPASSRLS;
CREATE ROLE zhengwu_owner LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${ZHENGWU_OWNER_PASSWORD}';
CREATE ROLE zhengwu_app LOGIN INHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${ZHENGWU_APP_PASSWORD}' IN ROLE zhengwu_runtime;
CREATE DATABASE zhengwu OWNER zhengwu_owner ENCODING 'UTF8' TEMPLATE template0;
SQL
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname zhengwu <<SQL
ALTER SCHEMA public OWNER TO zhengwu_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO zhengwu_runtime;
REVOKE ALL ON DATABASE zhengwu FROM PUBLIC;
GRANT CONNECT ON DATABASE zhengwu TO zhengwu_runtime, zhengwu_owner;
SQL
