import { PublishJobInput } from "@fairlance/db/services";
import { ZJobResult } from "./shared.schema";

export const ZPublishJobInput = PublishJobInput;
export const ZPublishJobOutput = ZJobResult;
