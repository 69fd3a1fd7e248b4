import { ConfigCheck } from "@/components/ui/config-check";
import { GatewayLine } from "@/components/ui/gateway-line";
import { PageHeader } from "@/components/ui/page-header";
import { CheckAllPanel } from "@/components/models/check-all-panel";
import { GatewayAgentPanel } from "@/components/models/gateway-agent-panel";
import { ModelsCard } from "@/components/overview/models-card";
import { TokenCard } from "@/components/overview/token-card";
import { SetupGate } from "@/components/setup/setup-gate";

export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="Is your Hugging Face setup working, and what will your agent use?" />
      <div className="mb-6 space-y-3">
        <GatewayLine />
        <SetupGate />
        <ConfigCheck besideWarnings />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <TokenCard />
        <ModelsCard />
      </div>
      <div className="mt-6">
        <CheckAllPanel />
      </div>
      <div className="mt-6">
        <GatewayAgentPanel />
      </div>
    </>
  );
}
