import { createGlobalSetup } from "@fairlance/db/testing/global-setup";

export default createGlobalSetup("web");
