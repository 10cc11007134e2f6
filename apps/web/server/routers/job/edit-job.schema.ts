import { EditJobInput } from "@fairlance/db/services";
import { ZJobResult } from "./shared.schema";

export const ZEditJobInput = EditJobInput;
export const ZEditJobOutput = ZJobResult;
