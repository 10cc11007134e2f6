import { createGlobalSetup } from "./src/testing/global-setup";

export default createGlobalSetup("db");
