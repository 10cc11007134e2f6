import { describe, expect, it } from "vitest";
import { documentedDefault, envProblems, EnvError, readVariable, env as v } from "./define";

describe("environment variables", () => {
  const spec = {
    PORT: v.port({ default: "3000" }),
    HOPS: v.number(0, 10, { default: "0" }),
    URL: v.url(["http:", "https:"], { unset: "*(unset)*" }),
    CLOCK: v.oneOf(["1", "0"], { unset: "*(off)*" }),
  };

  it("read their value, their default when unset or empty, or undefined", () => {
    expect(readVariable("PORT", spec.PORT, {})).toBe(3000);
    expect(readVariable("PORT", spec.PORT, { PORT: " " })).toBe(3000);
    expect(readVariable("PORT", spec.PORT, { PORT: "3600" })).toBe(3600);
    expect(readVariable("URL", spec.URL, {})).toBeUndefined();
    expect(readVariable("CLOCK", spec.CLOCK, { CLOCK: "1" })).toBe("1");
  });

  it("refuse an invalid value with a sentence naming the variable", () => {
    expect(() => readVariable("PORT", spec.PORT, { PORT: "abc" })).toThrow(new EnvError(['PORT must be a whole number from 1 to 65535; it is "abc".']));
    for (const bad of ["0", "65536", "1.5", "-1", "3e3"]) expect(() => readVariable("PORT", spec.PORT, { PORT: bad })).toThrow(/^PORT must be/);
    expect(() => readVariable("URL", spec.URL, { URL: "localhost:3000" })).toThrow('URL must be a URL starting with http:// or https://; it is "localhost:3000".');
    expect(() => readVariable("CLOCK", spec.CLOCK, { CLOCK: "yes" })).toThrow('CLOCK must be one of "1", "0"; it is "yes".');
    expect(envProblems(spec, { PORT: "x", HOPS: "11" })).toEqual([
      'PORT must be a whole number from 1 to 65535; it is "x".',
      'HOPS must be a whole number from 0 to 10; it is "11".',
    ]);
  });

  it("say their default as the README's table does", () => {
    expect(documentedDefault(spec.PORT)).toBe("`3000`");
    expect(documentedDefault(spec.CLOCK)).toBe("*(off)*");
  });
});
