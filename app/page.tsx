import { PageHeader } from "@/components/ui/page-header";

export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="Is your Hugging Face setup working, and what will your agent use?" />
      <section aria-labelledby="overview-start" className="card">
        <h2 id="overview-start" className="text-lg font-semibold">Get started</h2>
        <p className="muted mt-1">Add a Hugging Face token, pick a default model, then try it in the playground.</p>
      </section>
    </>
  );
}
