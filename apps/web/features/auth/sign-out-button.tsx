"use client";

import { Button } from "@/components/ui";

// next-auth's client loads on the click, so it is not in every page's first-load JavaScript.
const signOut = async () => (await import("next-auth/react")).signOut({ callbackUrl: "/sign-in" });

export function SignOutButton() {
  return (
    <Button variant="secondary" className="px-3 py-1.5" onClick={() => void signOut()}>
      Sign out
    </Button>
  );
}
