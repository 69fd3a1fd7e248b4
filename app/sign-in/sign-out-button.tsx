"use client";
import { usePathname } from "next/navigation";
import useSWR from "swr";
import { fetchJson, jsonFetcher } from "@/lib/client/fetcher";

export const sessionKey = () => "/api/session";

/** Shown in the shell only when sign-in is on (DASHBOARD_TOKEN set). */
export function SignOutButton() {
  const pathname = usePathname();
  const { data } = useSWR<{ signInRequired: boolean }>(sessionKey(), jsonFetcher, { revalidateOnFocus: false });
  if (!data?.signInRequired || pathname === "/sign-in") return null;
  return (
    <button
      type="button"
      className="btn mx-4 mb-3"
      onClick={async () => {
        await fetchJson("/api/session", { method: "DELETE" }).catch(() => undefined);
        // A full load drops every cached page and SWR answer of the signed-in session.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign("/sign-in");
      }}
    >
      Sign out
    </button>
  );
}
