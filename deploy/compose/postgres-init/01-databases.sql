-- One database per service, owned by POSTGRES_USER (the user the services connect as).
-- Runs once, when the PostgreSQL container starts on an empty data directory.
CREATE DATABASE applications;
CREATE DATABASE matching;
CREATE DATABASE notifications;
