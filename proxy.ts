import { NextResponse, type NextRequest } from "next/server";
import { allowedHostNames, isHostAllowed, isWriteAllowed } from "@/lib/request-guard";

// Every request passes here first: a foreign Host (DNS rebinding) or a cross-site write is
// refused before any page or route runs.
const allowed = allowedHostNames(process.env);

export function proxy(request: NextRequest) {
  const host = request.headers.get("host");
  if (!isHostAllowed(host, allowed)) {
    return NextResponse.json(
      { error: { code: "forbidden_host", message: "This dashboard only answers on its own host name (localhost). Add the name to DASHBOARD_ALLOWED_HOSTS to allow it." } },
      { status: 403 },
    );
  }
  const write = { method: request.method, host, origin: request.headers.get("origin"), secFetchSite: request.headers.get("sec-fetch-site") };
  if (!isWriteAllowed(write)) {
    return NextResponse.json(
      { error: { code: "forbidden_origin", message: "Changes must come from the dashboard's own pages; this request came from another site." } },
      { status: 403 },
    );
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
