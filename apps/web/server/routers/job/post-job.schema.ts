import { PostJobInput } from "@fairlance/db";
import { ZJobResult } from "./shared.schema";

export const ZPostJobInput = PostJobInput;
export const ZPostJobOutput = ZJobResult;
