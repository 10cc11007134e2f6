import { router } from "../../trpc";
import { getMailboxEmailProcedure } from "./get-mailbox-email";
import { listMailboxProcedure } from "./list-mailbox";

export const mailboxRouter = router({ list: listMailboxProcedure, get: getMailboxEmailProcedure });
