import { EditJobInput } from "@fairlance/db";
import { ZJobResult } from "./shared.schema";

export const ZEditJobInput = EditJobInput;
export const ZEditJobOutput = ZJobResult;
