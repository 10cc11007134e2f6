export { migrate, readMigrations, MigrationError, type MigrateResult, type MigrationFile } from "./migrate";
