"use client";
import { useTokenStatus } from "@/lib/client/token";
import type { TokenStatus } from "@/lib/token/token-status";
import { GatewayTokenSources } from "./gateway-token-sources";
import { RemoveToken } from "./remove-token";
import { StatusCard } from "./status-card";
import { TokenForm } from "./token-form";

/** The Token page: what is in effect, the paste form, and removal. */
export function TokenPanel({ initial }: { initial: TokenStatus }) {
  const { data, error } = useTokenStatus(initial);
  const status = data ?? initial;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-6">
        {error ? (
          <p className="alert-error" role="alert">
            Could not refresh the token status: {error instanceof Error ? error.message : "unknown error"}
          </p>
        ) : null}
        <StatusCard status={status} />
        {status.gatewaySources ? <GatewayTokenSources view={status.gatewaySources} /> : null}
      </div>
      <div className="space-y-6">
        <TokenForm replacing={!!status.stored} />
        <RemoveToken status={status} />
      </div>
    </div>
  );
}
