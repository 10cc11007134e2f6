import type { Metadata } from "next";
import { DirectOfferPage } from "@/features/contracts/direct-offer-page";

export const metadata: Metadata = { title: "Make an offer" };

export default async function Page({ searchParams }: { searchParams: Promise<{ freelancerId?: string }> }) {
  const { freelancerId } = await searchParams;
  return <DirectOfferPage freelancerId={freelancerId} />;
}
