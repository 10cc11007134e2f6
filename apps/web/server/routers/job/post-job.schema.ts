import { ZJobResult } from "./shared.schema";

export const ZPostJobOutput = ZJobResult;
