import { PublishJobInput } from "@fairlance/db";
import { ZJobResult } from "./shared.schema";

export const ZPublishJobInput = PublishJobInput;
export const ZPublishJobOutput = ZJobResult;
