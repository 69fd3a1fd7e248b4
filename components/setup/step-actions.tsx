/** The buttons under a setup step: Back, the step's main action, and Skip. */
export function StepActions({
  onBack,
  onSkip,
  children,
}: {
  onBack?: () => void;
  onSkip: () => void;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {onBack ? (
        <button type="button" className="btn" onClick={onBack}>
          Back
        </button>
      ) : null}
      {children}
      <button type="button" className="btn" onClick={onSkip}>
        Skip this step
      </button>
    </div>
  );
}
