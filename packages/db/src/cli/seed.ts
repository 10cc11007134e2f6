// pnpm db:seed — migrates, then adds the demo accounts and jobs (idempotent).
import "../env/exit-on-invalid";
import { createPrismaClient } from "../client";
import { resolveDatabase } from "../database-url";
import { migrate } from "../migrate";
import { DEMO_LOGINS, seedDemo } from "../seed/demo";

const db = await resolveDatabase();
const prisma = createPrismaClient(db.url);
try {
  await migrate(db.url, { log: console.log });
  const { created } = await seedDemo(prisma, new Date());
  console.log(created.length ? `[db] demo data added: ${created.join(", ")}` : "[db] demo data already present");
  for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(10)} ${login.email.padEnd(24)} ${login.password}`);
} finally {
  await prisma.$disconnect();
  await db.stop();
}
