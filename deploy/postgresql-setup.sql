-- jwt-auth's PostgreSQL database and role. A DBA runs it once as a superuser with psql:
--   psql -h DBHOST -U postgres -v password="$JWT_AUTH_DB_PASSWORD" -f deploy/postgresql-setup.sql
-- docs/postgresql.md explains it; PostgresDeploymentIT runs this file before it starts the built jar on it.
-- The service's role: it may log in, and nothing more on the server.
CREATE ROLE jwt_auth LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
-- The database stays the DBA's; only jwt_auth (and superusers) may connect to it.
CREATE DATABASE jwt_auth;
REVOKE ALL ON DATABASE jwt_auth FROM PUBLIC;
GRANT CONNECT ON DATABASE jwt_auth TO jwt_auth;
\connect jwt_auth
-- PostgreSQL 14 and older let every role create tables in the public schema; nothing of jwt-auth belongs there.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- jwt_auth owns one schema, where Flyway creates and migrates the tables each time a node starts.
CREATE SCHEMA jwt_auth AUTHORIZATION jwt_auth;
ALTER ROLE jwt_auth IN DATABASE jwt_auth SET search_path = jwt_auth;
