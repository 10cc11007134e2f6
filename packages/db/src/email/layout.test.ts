import { describe, expect, it } from "vitest";
import { renderEmail } from "./layout";
import { appUrl } from "./app-url";

describe("renderEmail", () => {
  const email = renderEmail({
    preheader: "Your link",
    heading: "Confirm <your> email",
    paragraphs: ["Hello Zoë & co,", "Follow the link."],
    action: { label: "Confirm my email", url: "https://fairlance.example/verify-email?token=a&b" },
    footer: ["You signed up on Fairlance."],
  });

  it("says the same thing in text and HTML, escaping every value in the HTML", () => {
    expect(email.text).toBe("Confirm <your> email\n\nHello Zoë & co,\n\nFollow the link.\n\nConfirm my email: https://fairlance.example/verify-email?token=a&b\n\n--\nYou signed up on Fairlance.\n");
    expect(email.html).toContain("<h1 style=\"margin:0 0 16px;font-size:22px;line-height:28px;color:#111827\">Confirm &lt;your&gt; email</h1>");
    expect(email.html).toContain("Hello Zoë &amp; co,");
    expect(email.html).toContain('href="https://fairlance.example/verify-email?token=a&amp;b"');
    expect(email.html).not.toContain("<your>");
  });

  it("makes the footer's web addresses links (an unsubscribe link), escaped", () => {
    const { text, html } = renderEmail({ preheader: "", heading: "x", paragraphs: [], footer: ["Stop payments emails: https://fairlance.example/unsubscribe?token=a.b&c <now>"] });
    expect(text).toContain("Stop payments emails: https://fairlance.example/unsubscribe?token=a.b&c <now>");
    expect(html).toContain('Stop payments emails: <a href="https://fairlance.example/unsubscribe?token=a.b&amp;c" style="color:#6b7280;word-break:break-all">https://fairlance.example/unsubscribe?token=a.b&amp;c</a> &lt;now&gt;');
  });

  it("links only to http(s)", () => {
    expect(() => renderEmail({ preheader: "", heading: "x", paragraphs: [], action: { label: "x", url: "javascript:alert(1)" } })).toThrow(/http/);
  });
});

describe("appUrl", () => {
  it("starts links with the public URL, or localhost on the app's port", () => {
    expect(appUrl("/contracts/1", { NEXTAUTH_URL: "https://fairlance.example" })).toBe("https://fairlance.example/contracts/1");
    expect(appUrl("/a?b=c", { NEXTAUTH_URL: "https://fairlance.example:8443/" })).toBe("https://fairlance.example:8443/a?b=c");
    expect(appUrl("/dashboard", { PORT: "4000" })).toBe("http://localhost:4000/dashboard");
  });

  it("takes only paths inside the app", () => {
    expect(() => appUrl("https://evil.example/")).toThrow(/path inside the app/);
    expect(() => appUrl("//evil.example/")).toThrow(/path inside the app/);
  });
});
