import { z } from "zod";
import { DomainError } from "@fairlance/db";
import { prepareImage } from "@fairlance/db/files";
import { publicProcedure, router } from "../trpc";
import { uploadInput } from "../uploads";

/**
 * An upload procedure for the upload tests only (uploads.test.ts mocks it into the app's router):
 * it checks the file as an avatar and says what it received. The app's router has no such
 * procedure: real ones take a role (see CONTRIBUTING, "Files and images").
 */
export const uploadTestRouter = router({
  uploadTest: router({
    avatar: publicProcedure.input(uploadInput({ caption: z.string().max(100, "A caption can be at most 100 characters.").optional() })).mutation(async ({ input }) => {
      const prepared = await prepareImage(input.file.bytes, "avatar");
      if (!prepared.ok) throw new DomainError("INVALID_REQUEST", prepared.problem);
      return {
        name: input.file.name,
        declaredType: input.file.declaredType,
        received: input.file.bytes.byteLength,
        caption: input.caption ?? null,
        stored: { contentType: prepared.image.contentType, width: prepared.image.width, height: prepared.image.height },
      };
    }),
  }),
});
