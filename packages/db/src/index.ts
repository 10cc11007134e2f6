export { createPrismaClient, getPrisma, Prisma, PrismaClient, type Db, type Tx } from "./client";
export type { Role, JobStatus, JobType, ExperienceLevel } from "./generated/prisma/enums";
export { DomainError, isDomainError, DOMAIN_ERROR_CODES, type DomainErrorCode } from "./errors";
export { signUp, SignUpInput, type SignedUpUser } from "./services/sign-up";
export { verifyCredentials, LOGIN_THROTTLE, type AuthenticatedUser } from "./services/verify-credentials";
export * from "./read/dashboard";
