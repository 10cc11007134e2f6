import { PostJobInput } from "@fairlance/db/services";
import { ZJobResult } from "./shared.schema";

export const ZPostJobInput = PostJobInput;
export const ZPostJobOutput = ZJobResult;
