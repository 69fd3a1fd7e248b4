"use client";
import useSWR from "swr";
import useSWRMutation from "swr/mutation";
import { fetchJson } from "./fetcher";

// The dashboard's own sign-in (only when DASHBOARD_TOKEN is set). Both writes are followed by a
// full page load, which drops every cached answer, so neither touches the cache.
export const sessionKey = () => "/api/session";

export function useSession() {
  return useSWR<{ signInRequired: boolean }>(sessionKey(), { revalidateOnFocus: false });
}

/** POST /api/session with the dashboard token: sets the session cookie. */
export function useSignIn() {
  return useSWRMutation(
    sessionKey(),
    (url: string, { arg: token }: { arg: string }) =>
      fetchJson<{ signedIn: true }>(url, { method: "POST", json: { token } }),
    { revalidate: false, throwOnError: false },
  );
}

/** DELETE /api/session: clears the session cookie. */
export function useSignOut() {
  return useSWRMutation(sessionKey(), (url: string) => fetchJson<{ signedIn: false }>(url, { method: "DELETE" }), {
    revalidate: false,
    throwOnError: false,
  });
}
