"use client";
import { usePathname } from "next/navigation";
import { useSession, useSignOut } from "@/lib/client/session";

/** Shown in the shell only when sign-in is on (DASHBOARD_TOKEN set). */
export function SignOutButton() {
  const pathname = usePathname();
  const { data } = useSession();
  const signOut = useSignOut();
  if (!data?.signInRequired || pathname === "/sign-in") return null;
  return (
    <button
      type="button"
      className="btn mx-4 mb-3"
      onClick={async () => {
        // Signed out or not (the server unreachable), the sign-in page is where this ends.
        await signOut.trigger();
        // A full load drops every cached page and SWR answer of the signed-in session.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign("/sign-in");
      }}
    >
      Sign out
    </button>
  );
}
