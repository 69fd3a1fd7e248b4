"use client";
import { withCommands } from "@/components/ui/gateway-line";
import { useCatalog, useCatalogIndex } from "@/lib/client/catalog";
import { useGatewayView } from "@/lib/client/gateway";
import { describeAuth, type GatewayViewBody, type Part } from "@/lib/openclaw-agent/gateway-view";
import { GatewayCatalogTable } from "./gateway-catalog-table";
import { GatewayUsageTable } from "./gateway-usage-table";

const ABSENT: Record<Exclude<GatewayViewBody["state"], "running">, string> = {
  stopped: "No OpenClaw Gateway is running",
  unreachable: "The OpenClaw Gateway cannot be reached",
  unauthorized: "The OpenClaw Gateway refuses the dashboard's credentials",
};

function PartView<T>({ part, children }: { part: Part<T> | undefined; children: (data: T) => React.ReactNode }) {
  if (!part) return null;
  if (!part.ok) return <p className="alert-warn text-sm">{withCommands(part.message)}</p>;
  return <>{children(part.data)}</>;
}

/**
 * What the running agent uses, as its Gateway says (more than the file does): the huggingface
 * key source, the published catalog beside the router's prices, and 30 days of usage and cost.
 */
export function GatewayAgentPanel() {
  const view = useGatewayView();
  const catalog = useCatalog();
  const index = useCatalogIndex(catalog.data?.models);
  const prices = { index, live: catalog.data?.source === "live" };
  const data = view.data;
  return (
    <section
      className="card min-w-0 space-y-4"
      aria-labelledby="gateway-agent-title"
      data-testid="gateway-agent"
      data-state={data?.state}
      aria-busy={!data && !view.error}
    >
      <div>
        <h2 id="gateway-agent-title" className="text-lg font-semibold">
          What the running agent uses
        </h2>
        <p className="muted mt-1 text-sm">
          Read from the OpenClaw Gateway: the key it uses for Hugging Face, the models it publishes and what your
          sessions spent.
        </p>
      </div>
      {view.error ? (
        <p className="alert-error">The dashboard server did not answer.</p>
      ) : !data ? (
        // Not a role=status: the pages' save messages are the status people (and tests) look for.
        <div className="h-24 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" aria-hidden="true" />
      ) : data.state !== "running" ? (
        <div className="space-y-1 text-sm" data-testid="gateway-agent-absent">
          <p className="font-medium">{data.message ? withCommands(data.message) : `${ABSENT[data.state]}.`}</p>
          <p className="muted">
            Key source, published catalog and usage show here while it runs; openclaw.json is edited directly meanwhile.
          </p>
        </div>
      ) : (
        <div className="space-y-5">
          <div>
            <h3 className="label">Hugging Face key</h3>
            <PartView part={data.auth}>
              {(auth) => (
                <p
                  className={`mt-1 text-sm ${auth.configured ? "" : "alert-warn"}`}
                  data-testid="gateway-auth"
                  data-source={auth.apiKey?.source ?? (auth.profiles.length ? "profile" : "none")}
                >
                  OpenClaw uses {withCommands(describeAuth(auth))}.
                </p>
              )}
            </PartView>
          </div>
          <div className="space-y-2">
            <h3 className="label">Published catalog (huggingface)</h3>
            <PartView part={data.catalog}>
              {(list) => (
                <>
                  {list.refreshFailed ? (
                    <p className="alert-warn text-sm">The Gateway&apos;s last catalog refresh failed: older rows.</p>
                  ) : null}
                  <GatewayCatalogTable models={list.models} prices={prices} />
                </>
              )}
            </PartView>
          </div>
          <div className="space-y-2">
            <h3 className="label">Usage</h3>
            <PartView part={data.usage}>
              {(usage) => <GatewayUsageTable usage={usage} days={data.usageDays} prices={prices} />}
            </PartView>
          </div>
        </div>
      )}
    </section>
  );
}
