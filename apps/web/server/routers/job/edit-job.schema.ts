import { ZJobResult } from "./shared.schema";

export const ZEditJobOutput = ZJobResult;
