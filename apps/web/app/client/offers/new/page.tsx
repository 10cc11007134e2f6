import type { Metadata } from "next";
import { DirectOfferPage } from "@/features/contracts/direct-offer-page";
import { RoleGate } from "@/features/contracts/role-gate";

export const metadata: Metadata = { title: "Make an offer" };

export default async function Page({ searchParams }: { searchParams: Promise<{ freelancerId?: string }> }) {
  const { freelancerId } = await searchParams;
  return (
    <RoleGate path="/client/offers/new" roles={["CLIENT"]}>
      <DirectOfferPage freelancerId={freelancerId} />
    </RoleGate>
  );
}
