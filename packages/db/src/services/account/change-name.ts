import { TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { parseCall } from "../input";

/** What the person types; who acts and when come with the call (ActorCall). */
export const ChangeNameInput = z.strictObject({ name: Text(TEXT_RULES.personName) });
export type ChangeNameInput = z.input<typeof ChangeNameInput>;

/** A signed-in person changes the name others see on their proposals, contracts and profile. */
export async function changeName(prisma: PrismaClient, input: ChangeNameInput & ActorCall): Promise<{ name: string }> {
  const data = parseCall(ChangeNameInput, input);
  await requireActor(prisma, data, ["CLIENT", "FREELANCER", "ADMIN"], "change a name");
  return prisma.user.update({ where: { id: data.actorId }, data: { name: data.name }, select: { name: true } });
}
