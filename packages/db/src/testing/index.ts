// @fairlance/db/testing: the one set of test fixtures of db, web, bench and e2e.
export { freshDatabase, emptyDatabase, dropLeftoverDatabases, type TestDatabase, type FreshDatabaseOptions } from "./database";
export { key } from "./keys";
export { makeUser, setPassword, type TestUser, type UserOptions } from "./users";
export { emailedLink, type EmailedLinkKind } from "./emails";
export { RecordingGateway, type GatewayCall } from "./gateway";
export { assertLedgerHolds, LedgerInvariantError } from "./ledger";
export { imageHeader, makeTestImage } from "./images";
export { makeZip, TEST_FILES } from "./files";
export {
  activeFixedContract,
  addCard,
  COVER_LETTER,
  days,
  earn,
  freelancerWithConnects,
  grantConnects,
  ledgerBalance,
  makeVerifiedClient,
  NOW,
  openJob,
  signedUpPerson,
} from "./scenarios";
// Notifications in the app (issue 16)
export { makeNotification, type TestNotificationOptions } from "./notifications";
