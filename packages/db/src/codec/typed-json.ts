/**
 * The one typed-JSON encoding of Fairlance lives in the rules (pure, so the rules can store
 * settings in it and the web client can hash with it): @fairlance/rules, codec/typed-json.ts.
 * Rows from before it are read by the rules' legacy readers (codec/legacy.ts).
 */
export { encodeTyped, decodeTyped, isTypedJson, typedColumn, canonicalText, TypedJsonError, type TypedJson } from "@fairlance/rules";
