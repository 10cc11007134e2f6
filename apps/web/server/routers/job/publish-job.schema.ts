import { ZJobResult } from "./shared.schema";

export const ZPublishJobOutput = ZJobResult;
