import { TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { parseCall } from "../input";
import { lockClientProfile } from "./shared";

/**
 * What the client's profile form sends, every field each time (the form shows them all): a company
 * name, or blank for a person hiring for themselves; what they do; where they are.
 */
export const UpdateClientProfileInput = z.strictObject({
  companyName: Text(TEXT_RULES.clientCompany),
  description: Text(TEXT_RULES.clientDescription),
  location: Text(TEXT_RULES.location),
});
export type UpdateClientProfileInput = z.input<typeof UpdateClientProfileInput>;

export interface UpdatedClientProfile {
  userId: string;
  companyName: string;
  description: string;
  location: string;
  updatedAt: Date;
}

/**
 * A client rewrites their profile (what freelancers read beside the trust panel). Saving the same
 * values again changes nothing but the date, so a retry needs no key.
 */
export async function updateClientProfile(prisma: PrismaClient, input: UpdateClientProfileInput & ActorCall): Promise<UpdatedClientProfile> {
  const data = parseCall(UpdateClientProfileInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "CLIENT", "edit a client profile");
    await lockClientProfile(tx, data.actorId);
    return tx.clientProfile.update({
      where: { userId: data.actorId },
      data: { companyName: data.companyName, description: data.description, location: data.location, updatedAt: data.now },
      select: { userId: true, companyName: true, description: true, location: true, updatedAt: true },
    });
  });
}
