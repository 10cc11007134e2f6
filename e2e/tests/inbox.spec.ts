import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { openMenuIfFolded } from "./helpers";
import { addCard, newPerson } from "./jobs-helpers";
import { expect, test } from "./test";

// The inbox (issue 16, economy.md §5.1): a conversation shows up in Messages with its unread
// count, opens on its own screen, takes a reply with a file, and the other side sees it unread
// and downloads the file through its signed link.

const BRIEF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** "Messages" in the navigation, with its unread count when there is one. */
async function messagesLink(page: Page) {
  await openMenuIfFolded(page);
  return page.getByRole("navigation", { name: "Main" }).filter({ visible: true }).getByRole("link", { name: /^Messages/ });
}

test("a reply with a file reaches the other side unread, and it downloads", async ({ browser }) => {
  test.setTimeout(300_000);
  const freelancer = await newPerson(browser, "Ines Inbox", "freelancer");
  const client = await newPerson(browser, "Mark Messenger", "client");
  await addCard(client.page);

  // A direct offer the freelancer accepts: the contract's conversation.
  await client.page.goto("/client/offers/new");
  await client.page.getByLabel("Find a freelancer by name").fill("Ines Inbox");
  await client.page.getByRole("button", { name: "Search" }).click();
  await client.page.getByRole("listitem").filter({ hasText: "Ines Inbox" }).first().getByRole("button", { name: "Choose" }).click();
  await client.page.getByLabel("Contract title").fill("Brochure layout");
  await client.page.getByLabel("Milestone 1 title").fill("Layout draft");
  await client.page.getByLabel("Milestone 1 amount (USD)").fill("300");
  await client.page.getByRole("button", { name: "Send offer" }).click();
  await expect(client.page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  const contractId = client.page.url().split("/").at(-1)!;
  await freelancer.page.goto(`/contracts/${contractId}`);
  await freelancer.page.getByRole("button", { name: "Accept offer" }).click();
  await expect(freelancer.page.getByTestId("contract-status")).toHaveText("Active");

  // The freelancer writes on the contract page, as before.
  await freelancer.page.getByLabel("Write a message").fill("Hello Mark, I will send the layout plan by Thursday.");
  await freelancer.page.getByRole("button", { name: "Send message" }).click();
  await expect(freelancer.page.getByRole("list", { name: "Conversation" })).toContainText("I will send the layout plan by Thursday.");

  // The client: "Messages 1", the conversation first in the list, unread.
  const page = client.page;
  await page.goto("/dashboard");
  await expect(await messagesLink(page)).toHaveAccessibleName("Messages 1 unread");
  await (await messagesLink(page)).click();
  await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  const row = page.getByRole("article").filter({ hasText: "Ines Inbox" });
  await expect(row).toContainText("Brochure layout");
  await expect(row).toContainText("Ines Inbox: Hello Mark, I will send the layout plan by Thursday.");
  await expect(row).toContainText("1 unread");

  // A search finds it by a word of the message, and only it.
  await page.getByLabel("Search your messages").fill("layout plan");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("article")).toHaveCount(1);
  await page.getByLabel("Search your messages").fill("x");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("Type at least 2 characters to search your messages.")).toBeVisible();
  await page.getByRole("button", { name: "Clear" }).click();

  // Open it: read, so the navigation's count goes; reply with a file.
  await page.getByRole("article").filter({ hasText: "Ines Inbox" }).getByRole("link", { name: /Ines Inbox/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/messages/contract/${contractId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Ines Inbox" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Conversation" })).toContainText("I will send the layout plan by Thursday.");
  await expect(await messagesLink(page)).toHaveAccessibleName(/^Messages$/);
  await page.getByLabel("Write a message").fill("Thanks! Here is our brief, with the brand colours.");
  await page.getByLabel("Attach files").setInputFiles({ name: "brief.pdf", mimeType: "application/pdf", buffer: BRIEF });
  await expect(page.getByRole("list", { name: "Files to send" })).toContainText("brief.pdf");
  await page.getByRole("button", { name: "Send message" }).click();
  const sent = page.getByRole("list", { name: "Conversation" }).getByRole("listitem").filter({ hasText: "Here is our brief" });
  await expect(sent.getByRole("link", { name: "brief.pdf" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Files to send" })).toHaveCount(0);

  // A file that is not one of the kinds is refused under the file field, with a sentence.
  await page.getByLabel("Attach files").setInputFiles({ name: "setup.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]) });
  await expect(page.getByText(/setup\.pdf: This file cannot be attached: attach a PDF/)).toBeVisible();

  // The freelancer: unread in the list, the file downloads as it was sent.
  const theirs = freelancer.page;
  await theirs.goto("/messages");
  const theirRow = theirs.getByRole("article").filter({ hasText: "Mark Messenger" });
  await expect(theirRow).toContainText("1 unread");
  await expect(theirRow).toContainText("Mark Messenger: Thanks! Here is our brief, with the brand colours.");
  await theirRow.getByRole("link", { name: /Mark Messenger/ }).first().click();
  const file = theirs.getByRole("list", { name: "Conversation" }).getByRole("link", { name: "brief.pdf" });
  const [download] = await Promise.all([theirs.waitForEvent("download"), file.click()]);
  expect(download.suggestedFilename()).toBe("brief.pdf");
  expect(await readFile((await download.path())!)).toEqual(BRIEF);
  const href = (await file.getAttribute("href"))!;

  // "Mark as unread" puts it back in the list as unread.
  await theirs.getByRole("button", { name: "Mark as unread" }).click();
  await expect(theirs).toHaveURL(/\/messages$/);
  await expect(theirs.getByRole("article").filter({ hasText: "Mark Messenger" })).toContainText("1 unread");

  // The link is theirs: a stranger signed in gets a sentence, not the file.
  const stranger = await newPerson(browser, "Sam Stranger", "freelancer");
  const response = await stranger.page.request.get(href);
  expect(response.status()).toBe(404);
  expect(await response.text()).toBe("There is no file at this address, or it is not yours to download.");
});
