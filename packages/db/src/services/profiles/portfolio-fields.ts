import { TEXT_RULES } from "@fairlance/rules";
import type { PortfolioItem } from "../../client";
import { Text, WebLink } from "../fields";
import { imageUrl } from "./shared";

/** What a freelancer writes about a piece of work; the image is uploaded on its own (set-portfolio-image.ts). */
export const PortfolioItemFields = {
  title: Text(TEXT_RULES.portfolioTitle),
  description: Text(TEXT_RULES.portfolioDescription),
  /** An http(s) address where the work can be seen, or null. */
  link: WebLink.nullable(),
};

export interface SavedPortfolioItem {
  portfolioItemId: string;
  title: string;
  description: string;
  link: string | null;
  imageUrl: string | null;
  position: number;
}

export const savedPortfolioItem = (item: PortfolioItem): SavedPortfolioItem => ({
  portfolioItemId: item.id,
  title: item.title,
  description: item.description,
  link: item.link,
  imageUrl: item.imageKey ? imageUrl(item.imageKey) : null,
  position: item.position,
});
