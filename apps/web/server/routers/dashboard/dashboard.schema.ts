import { z } from "zod";

const ZJobStatus = z.enum(["DRAFT", "OPEN", "HIRED", "CLOSED", "EXPIRED", "REMOVED"]);

export const ZClientDashboard = z.object({
  jobsByStatus: z.array(z.object({ status: ZJobStatus, count: z.number().int() })),
  recentJobs: z.array(z.object({ id: z.string(), title: z.string(), status: ZJobStatus, publishedAt: z.date().nullable() })),
});

export const ZFreelancerDashboard = z.object({
  openJobs: z.number().int(),
  latestJobs: z.array(
    z.object({ id: z.string(), title: z.string(), publishedAt: z.date().nullable(), connectCost: z.number().int().nullable() }),
  ),
});

export const ZAdminDashboard = z.object({
  usersByRole: z.array(z.object({ role: z.enum(["CLIENT", "FREELANCER", "ADMIN"]), count: z.number().int() })),
  jobsByStatus: z.array(z.object({ status: ZJobStatus, count: z.number().int() })),
  newUsersLast7Days: z.number().int(),
});
