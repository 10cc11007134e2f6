import { router } from "../../trpc";
import { listMessagesProcedure } from "./list-messages";
import { sendMessageProcedure } from "./send-message";

export const messageRouter = router({ list: listMessagesProcedure, send: sendMessageProcedure });
