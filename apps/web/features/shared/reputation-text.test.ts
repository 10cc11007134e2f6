import { describe, expect, it } from "vitest";
import { initialsOf, jobSuccessText, ratingText } from "./reputation-text";

describe("reputation in words", () => {
  it("says stars as text, with how many reviews, or that there are none", () => {
    expect(ratingText({ display: "4.8", fromText: "from 12 reviews" })).toBe("4.8 out of 5 from 12 reviews");
    expect(ratingText({ display: null, fromText: "No reviews yet" })).toBe("No reviews yet");
  });

  it("says the Job Success Score or that there is none yet", () => {
    expect(jobSuccessText(92)).toBe("92% Job Success");
    expect(jobSuccessText(0)).toBe("0% Job Success");
    expect(jobSuccessText(null)).toBe("No Job Success Score yet");
  });

  it("gives a photo's stand-in from the first and last names", () => {
    expect(initialsOf("Carol Chen")).toBe("CC");
    expect(initialsOf("  fran  de la Okafor ")).toBe("FO");
    expect(initialsOf("Zoë")).toBe("Z");
    expect(initialsOf("  ")).toBe("?");
  });
});
