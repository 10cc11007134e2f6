import { setAvatar } from "@fairlance/db/services";
import { partyProcedure } from "../../trpc";
import { uploadInput } from "../../uploads";
import { ZProfileAvatar } from "./profile.schema";

/**
 * A freelancer or a client uploads their profile photo (a FormData with its `file`): checked and
 * re-encoded by prepareImage (economy.md §10.7); a file it refuses is a 400 with its sentence.
 */
export const setAvatarProcedure = partyProcedure
  .input(uploadInput())
  .output(ZProfileAvatar)
  .mutation(({ ctx, input }) => setAvatar(ctx.prisma, { image: input.file.bytes, ...ctx.caller }));
