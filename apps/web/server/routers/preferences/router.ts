import { router } from "../../trpc";
import { getPreferencesProcedure } from "./get-preferences";
import { unsubscribeInfoProcedure } from "./unsubscribe-info";
import { updatePreferencesProcedure } from "./update-preferences";

export const preferencesRouter = router({ get: getPreferencesProcedure, update: updatePreferencesProcedure, unsubscribeInfo: unsubscribeInfoProcedure });
